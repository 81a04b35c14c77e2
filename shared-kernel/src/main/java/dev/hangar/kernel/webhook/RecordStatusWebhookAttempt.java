package dev.hangar.kernel.webhook;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The sender's report of one attempt. Recorded once per attempt number (a repeat is ignored); an
 * attempt of a delivery that is already settled is ignored too. {@code nextAttemptAt} only with
 * {@link WebhookAttemptOutcome#RETRY}; {@code reason} is why an abandoned delivery was abandoned.
 */
public record RecordStatusWebhookAttempt(String streamId, String deliveryId, int attempt, Integer statusCode,
                                         String error, Instant attemptedAt, WebhookAttemptOutcome outcome,
                                         Instant nextAttemptAt) {

    @TargetAggregateIdentifier
    public String webhookStreamId() {
        return WebhookStreams.idOf(streamId);
    }
}
