package dev.hangar.kernel.webhook;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks Hangar to tell {@code url} that a subject's status changed. Any status source sends it (an
 * event handler turning an instance's, or a database's, status change into this command); the
 * deliveries of one {@code streamId} (the instance id) are made one after the other, in the order
 * they were requested. {@code deliveryId} is the idempotency id the receiver sees, unique across
 * all streams (a UUID): a repeat of the same id in a stream is not requested again, so a handler
 * that uses the causing event's identifier may be redelivered safely. {@code event} names the
 * change for the receiver (e.g. {@code instance.status_changed}); {@code subjectId}/{@code subjectName}
 * become the body's {@code instanceId}/{@code instanceName}. {@code oldStatus} and {@code reason}
 * may be null; {@code occurredAt} null means now.
 */
public record RequestStatusWebhook(String deliveryId, String ownerId, String streamId, String url, String event,
                                   String subjectId, String subjectName, String oldStatus, String newStatus,
                                   String reason, Instant occurredAt) {

    /** Routed to the stream's own aggregate, whose id is prefixed so that it never meets the subject's. */
    @TargetAggregateIdentifier
    public String webhookStreamId() {
        return WebhookStreams.idOf(streamId);
    }
}
