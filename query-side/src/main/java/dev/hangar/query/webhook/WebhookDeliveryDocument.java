package dev.hangar.query.webhook;

import dev.hangar.kernel.webhook.WebhookAttemptView;
import dev.hangar.kernel.webhook.WebhookDeliveryStatus;
import dev.hangar.kernel.webhook.WebhookDeliveryView;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One status webhook delivery and its attempts. No secret: the signature is made at each attempt. */
@Document(WebhookDeliveryDocument.COLLECTION)
record WebhookDeliveryDocument(@Id String id, String ownerId, String streamId, long position, String url, String event,
                               String subjectId, String subjectName, String oldStatus, String newStatus,
                               String reason, Instant occurredAt, Instant requestedAt, WebhookDeliveryStatus status,
                               List<WebhookAttemptView> attempts, Instant nextAttemptAt, Instant settledAt,
                               String abandonReason) {

    static final String COLLECTION = "webhook_deliveries";

    WebhookDeliveryView toView() {
        return new WebhookDeliveryView(id, ownerId, streamId, position, url, event, subjectId, subjectName, oldStatus,
                newStatus, reason, occurredAt, requestedAt, status, attempts == null ? List.of() : attempts,
                nextAttemptAt, settledAt, abandonReason);
    }
}
