package dev.hangar.kernel.common;

import java.text.Normalizer;
import java.util.Locale;

/** URL-safe slugs: lowercase, runs of characters other than a-z0-9 become one '-', trimmed. */
public final class Slugs {

    private Slugs() {
    }

    public static String slugify(String text) {
        String ascii = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "tenant" : slug;
    }

    /** The n-th candidate for a taken slug: base, base-2, base-3, ... */
    public static String candidate(String base, int n) {
        return n <= 1 ? base : base + "-" + n;
    }
}
