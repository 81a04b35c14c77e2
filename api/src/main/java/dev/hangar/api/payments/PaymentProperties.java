package dev.hangar.api.payments;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code provider}: {@code mercadopago}, {@code sandbox}, or empty (no payments: the payment
 * endpoints answer 503). Secrets are masked in {@link #toString()}.
 */
@ConfigurationProperties("hangar.payments")
public record PaymentProperties(String provider, String publicUrl, Duration expiry, Duration signatureTolerance,
                                Duration checkRetryDelay, int checkAttempts, MercadoPago mercadopago) {

    public record MercadoPago(String baseUrl, String accessToken, String webhookSecret, Duration connectTimeout,
                              Duration requestTimeout, int attempts) {
        @Override
        public String toString() {
            return "MercadoPago[baseUrl=" + baseUrl + ", accessToken=" + mask(accessToken) + ", webhookSecret="
                    + mask(webhookSecret) + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                    + ", attempts=" + attempts + "]";
        }
    }

    public boolean enabled() {
        return provider != null && !provider.isBlank();
    }

    public boolean sandbox() {
        return "sandbox".equalsIgnoreCase(provider);
    }

    private static String mask(String secret) {
        return secret == null || secret.isBlank() ? "<unset>" : "***";
    }
}
