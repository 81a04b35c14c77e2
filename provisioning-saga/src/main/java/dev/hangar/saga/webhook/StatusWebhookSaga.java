package dev.hangar.saga.webhook;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.hangar.kernel.webhook.StatusWebhookAbandoned;
import dev.hangar.kernel.webhook.StatusWebhookAttempted;
import dev.hangar.kernel.webhook.StatusWebhookDelivered;
import dev.hangar.kernel.webhook.StatusWebhookRequested;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * Delivers one stream's status webhooks in order: only the oldest undelivered one (the head) is
 * attempted; the next waits until it is delivered or abandoned. Every wait is a durable deadline
 * (the first attempt at once, each retry at the time the sender chose, and a watch after each
 * attempt that tries again if no outcome was recorded, e.g. after a restart). Deadlines are never
 * cancelled: each carries the saga's generation, which moves on with every recorded outcome. The
 * saga ends when the stream has nothing left to deliver; the next request starts a new one.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class StatusWebhookSaga {

    static final String ATTEMPT = "status-webhook-attempt";
    static final Duration BUSY_LOOK_AGAIN = Duration.ofSeconds(1);
    private static final String STREAM = "streamId";

    private String streamId;
    /** Undelivered deliveries in the stream's order; the first is under way. */
    private List<StatusWebhookRequested> queue = new ArrayList<>();
    /** Attempts recorded for the head. */
    private int attempts;
    private long generation;

    @StartSaga
    @SagaEventHandler(associationProperty = STREAM)
    void on(StatusWebhookRequested event, DeadlineManager deadlines) {
        streamId = event.streamId();
        if (queue.stream().anyMatch(d -> d.deliveryId().equals(event.deliveryId()))) {
            return;
        }
        queue.add(event);
        if (queue.size() == 1) {
            startHead(deadlines);
        }
    }

    @DeadlineHandler(deadlineName = ATTEMPT)
    void attempt(WebhookDue due, WebhookSender sender, DeadlineManager deadlines) {
        if (due.generation() != generation || queue.isEmpty()) {
            return;
        }
        StatusWebhookRequested head = queue.get(0);
        if (sender.busy(head.deliveryId())) {
            // The last attempt is still under way here, or its thread is finishing after its outcome was
            // recorded (a retry can come due then): look again shortly instead of a whole watch later.
            deadlines.schedule(BUSY_LOOK_AGAIN, ATTEMPT, due);
            return;
        }
        // whatever becomes of this attempt, look again later: an attempt lost in a restart is made again
        deadlines.schedule(sender.attemptWatch(), ATTEMPT, due);
        sender.attempt(head, attempts + 1);
    }

    @SagaEventHandler(associationProperty = STREAM)
    void on(StatusWebhookAttempted event, DeadlineManager deadlines) {
        if (!isHead(event.deliveryId()) || event.attempt() <= attempts) {
            return;
        }
        attempts = event.attempt();
        generation++;
        if (event.nextAttemptAt() != null) {
            deadlines.schedule(event.nextAttemptAt(), ATTEMPT, new WebhookDue(streamId, generation));
        }
    }

    @SagaEventHandler(associationProperty = STREAM)
    void on(StatusWebhookDelivered event, DeadlineManager deadlines) {
        settled(event.deliveryId(), deadlines);
    }

    @SagaEventHandler(associationProperty = STREAM)
    void on(StatusWebhookAbandoned event, DeadlineManager deadlines) {
        settled(event.deliveryId(), deadlines);
    }

    private void settled(String deliveryId, DeadlineManager deadlines) {
        boolean wasHead = isHead(deliveryId);
        queue.removeIf(d -> d.deliveryId().equals(deliveryId));
        if (!wasHead) {
            return;
        }
        if (queue.isEmpty()) {
            generation++;
            SagaLifecycle.end();
        } else {
            startHead(deadlines);
        }
    }

    private void startHead(DeadlineManager deadlines) {
        attempts = 0;
        generation++;
        deadlines.schedule(Duration.ZERO, ATTEMPT, new WebhookDue(streamId, generation));
    }

    private boolean isHead(String deliveryId) {
        return !queue.isEmpty() && queue.get(0).deliveryId().equals(deliveryId);
    }
}
