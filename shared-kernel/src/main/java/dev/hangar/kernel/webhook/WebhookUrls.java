package dev.hangar.kernel.webhook;

import dev.hangar.kernel.common.HangarException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * What a {@code webhookUrl} must be, checked where it is given (the instance create, start and stop
 * bodies answer 400 with {@link #problem}) and again when a delivery is requested: an absolute
 * {@code http} or {@code https} URL with a host, no user info, no fragment, at most {@link #MAX_LENGTH}
 * characters. Where its host resolves to is checked at every delivery, not here.
 */
public final class WebhookUrls {

    public static final int MAX_LENGTH = 2048;

    private WebhookUrls() {
    }

    /** Why {@code url} cannot be a webhook URL, if it cannot. */
    public static Optional<String> problem(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("webhookUrl: must not be blank");
        }
        if (url.length() > MAX_LENGTH) {
            return Optional.of("webhookUrl: must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("webhookUrl: not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("webhookUrl: must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("webhookUrl: must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("webhookUrl: must not carry user info");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("webhookUrl: must not carry a fragment");
        }
        return Optional.empty();
    }

    /** The same check, as a 400 {@code VALIDATION_ERROR}. */
    public static String require(String url) {
        problem(url).ifPresent(p -> {
            throw HangarException.validation(p);
        });
        return url;
    }
}
