package dev.hangar.api.instances;

import dev.hangar.kernel.webhook.WebhookAttemptView;
import dev.hangar.kernel.webhook.WebhookDeliveryView;
import dev.hangar.kernel.webhook.WebhookSigningSecret;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The status webhook bodies of the Instances surface (camelCase, as seeds 001/004). Kept apart from
 * the instance bodies while compute instances are built elsewhere; fold into the surface's DTO file
 * when both are in.
 */
final class WebhookDtos {

    private WebhookDtos() {
    }

    /** The caller's signing secret and how it is used. */
    record SigningSecret(String secret, String algorithm, String signatureHeader, String deliveryHeader,
                         String signedPayload, Instant createdAt) {

        static SigningSecret of(WebhookSigningSecret s) {
            return new SigningSecret(s.secret(), "HMAC-SHA256", "X-Hangar-Signature", "X-Hangar-Delivery",
                    "<t>.<raw request body>", s.since());
        }

        @Override
        public String toString() {
            return "SigningSecret[secret=***, createdAt=" + createdAt + "]";
        }
    }

    record Attempt(int attempt, Integer statusCode, String error, Instant attemptedAt) {
        static Attempt of(WebhookAttemptView a) {
            return new Attempt(a.attempt(), a.statusCode(), a.error(), a.attemptedAt());
        }
    }

    /** {@code id} is the idempotency id the receiver saw (body {@code id}, header {@code X-Hangar-Delivery}). */
    record Delivery(String id, String event, String url, String oldStatus, String newStatus, String reason,
                    Instant timestamp, String status, List<Attempt> attempts, Instant nextAttemptAt, Instant settledAt,
                    String abandonReason) {
        static Delivery of(WebhookDeliveryView d) {
            return new Delivery(d.deliveryId(), d.event(), d.url(), d.oldStatus(), d.newStatus(), d.reason(),
                    d.occurredAt(), d.status().name().toLowerCase(Locale.ROOT),
                    d.attempts().stream().map(Attempt::of).toList(), d.nextAttemptAt(), d.settledAt(),
                    d.abandonReason());
        }
    }

    record Deliveries(String instanceId, List<Delivery> deliveries) {
    }
}
