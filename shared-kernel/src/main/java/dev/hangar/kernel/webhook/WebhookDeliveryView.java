package dev.hangar.kernel.webhook;

import java.time.Instant;
import java.util.List;

/** A delivery as the read model holds it: what was sent, each attempt, and where it stands. */
public record WebhookDeliveryView(String deliveryId, String ownerId, String streamId, long position, String url,
                                  String event, String subjectId, String subjectName, String oldStatus,
                                  String newStatus, String reason, Instant occurredAt, Instant requestedAt,
                                  WebhookDeliveryStatus status, List<WebhookAttemptView> attempts,
                                  Instant nextAttemptAt, Instant settledAt, String abandonReason) {
}
