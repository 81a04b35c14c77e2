package dev.hangar.kernel.payment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mercado Pago's webhook signature: {@code x-signature: ts=<ts>,v1=<hex>} where hex is
 * HMAC-SHA256(secret, "id:<data.id>;request-id:<x-request-id>;ts:<ts>;"), parts that are absent
 * left out, data.id taken from the query string and lowercased when alphanumeric.
 */
public final class WebhookSignature {

    public enum Verdict { VALID, MISSING, INVALID, STALE }

    private final byte[] secret;
    private final Duration tolerance;

    public WebhookSignature(String secret, Duration tolerance) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a webhook secret is required");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.tolerance = tolerance;
    }

    public static String manifest(String dataId, String requestId, String ts) {
        StringBuilder m = new StringBuilder();
        if (dataId != null && !dataId.isEmpty()) {
            m.append("id:").append(dataId.matches("[A-Za-z0-9]+") ? dataId.toLowerCase(Locale.ROOT) : dataId).append(';');
        }
        if (requestId != null && !requestId.isEmpty()) {
            m.append("request-id:").append(requestId).append(';');
        }
        if (ts != null && !ts.isEmpty()) {
            m.append("ts:").append(ts).append(';');
        }
        return m.toString();
    }

    /** The header value Mercado Pago would send for this notification. */
    public String sign(String dataId, String requestId, String ts) {
        return "ts=" + ts + ",v1=" + HexFormat.of().formatHex(hmac(manifest(dataId, requestId, ts)));
    }

    public Verdict verify(String signatureHeader, String dataId, String requestId, Instant now) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            return Verdict.MISSING;
        }
        String ts = null;
        String v1 = null;
        for (String part : signatureHeader.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                String key = part.substring(0, eq).trim();
                String value = part.substring(eq + 1).trim();
                if (key.equals("ts")) {
                    ts = value;
                } else if (key.equals("v1")) {
                    v1 = value;
                }
            }
        }
        if (ts == null || v1 == null || !ts.matches("\\d{1,16}")) {
            return Verdict.INVALID;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(v1.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Verdict.INVALID;
        }
        if (!MessageDigest.isEqual(hmac(manifest(dataId, requestId, ts)), given)) {
            return Verdict.INVALID;
        }
        return fresh(Long.parseLong(ts), now) ? Verdict.VALID : Verdict.STALE;
    }

    /** Mercado Pago documents seconds and sends milliseconds; both are accepted. */
    private boolean fresh(long ts, Instant now) {
        Instant at = ts >= 100_000_000_000L ? Instant.ofEpochMilli(ts) : Instant.ofEpochSecond(ts);
        return Duration.between(at, now).abs().compareTo(tolerance) <= 0;
    }

    private byte[] hmac(String manifest) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(manifest.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSignature[secret=***, tolerance=" + tolerance + "]";
    }
}
