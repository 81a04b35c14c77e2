package dev.hangar.saga.webhook;

import dev.hangar.kernel.webhook.StatusWebhookRequested;
import java.time.Duration;

/**
 * Makes webhook attempts off the event processors: {@link #attempt} returns at once (inside a unit
 * of work, the attempt starts once it commits) and the outcome comes back as a
 * {@code RecordStatusWebhookAttempt} command.
 */
public interface WebhookSender {

    void attempt(StatusWebhookRequested delivery, int attempt);

    /** Whether an attempt of this delivery is queued or under way on this node. */
    boolean busy(String deliveryId);

    /**
     * How long after an attempt starts the saga looks again: if no outcome was recorded by then
     * (the process stopped mid-attempt, the report was lost), the attempt is made again.
     */
    Duration attemptWatch();
}
