package dev.hangar.command.webhook;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.hangar.kernel.common.HangarException;
import dev.hangar.kernel.webhook.RecordStatusWebhookAttempt;
import dev.hangar.kernel.webhook.RequestStatusWebhook;
import dev.hangar.kernel.webhook.StatusWebhookAbandoned;
import dev.hangar.kernel.webhook.StatusWebhookAttempted;
import dev.hangar.kernel.webhook.StatusWebhookDelivered;
import dev.hangar.kernel.webhook.StatusWebhookRequested;
import dev.hangar.kernel.webhook.WebhookAttemptOutcome;
import dev.hangar.kernel.webhook.WebhookStreams;
import dev.hangar.kernel.webhook.WebhookUrls;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The status webhooks of one stream (one instance): numbers each request in the order it came,
 * refuses a repeat of a delivery id, and records each attempt once and how each delivery ended.
 * Which delivery goes when is the status webhook saga's; whether an attempt is retried is the
 * sender's (it knows the bound on attempts).
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class WebhookStream {

    @AggregateIdentifier
    private String id;
    private String streamId;
    private String ownerId;
    private long lastPosition;
    /** Every delivery id this stream was asked for: a repeat is not requested again. */
    private Set<String> requested = new HashSet<>();
    /** The deliveries not yet delivered or abandoned, and how many attempts each has had. */
    private Map<String, Integer> open = new HashMap<>();

    protected WebhookStream() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RequestStatusWebhook cmd) {
        require(cmd.deliveryId(), "deliveryId");
        require(cmd.ownerId(), "ownerId");
        require(cmd.streamId(), "streamId");
        require(cmd.event(), "event");
        require(cmd.newStatus(), "newStatus");
        WebhookUrls.require(cmd.url());
        if (ownerId != null && !ownerId.equals(cmd.ownerId())) {
            throw HangarException.validation("streamId: belongs to another owner");
        }
        if (requested.contains(cmd.deliveryId())) {
            return;
        }
        apply(new StatusWebhookRequested(cmd.deliveryId(), cmd.ownerId(), cmd.streamId(), lastPosition + 1, cmd.url(),
                cmd.event(), cmd.subjectId(), cmd.subjectName(), cmd.oldStatus(), cmd.newStatus(), cmd.reason(),
                cmd.occurredAt() != null ? cmd.occurredAt() : GenericEventMessage.clock.instant(),
                GenericEventMessage.clock.instant()));
    }

    @CommandHandler
    void handle(RecordStatusWebhookAttempt cmd) {
        Integer recorded = open.get(cmd.deliveryId());
        if (recorded == null || cmd.attempt() <= recorded) {
            return; // settled, unknown, or this attempt is already recorded
        }
        if (cmd.outcome() == WebhookAttemptOutcome.RETRY && cmd.nextAttemptAt() == null) {
            throw new IllegalArgumentException("A retry needs the time of the next attempt");
        }
        apply(new StatusWebhookAttempted(cmd.deliveryId(), ownerId, streamId, cmd.attempt(), cmd.statusCode(),
                cmd.error(), cmd.attemptedAt(), cmd.outcome() == WebhookAttemptOutcome.RETRY ? cmd.nextAttemptAt() : null));
        if (cmd.outcome() == WebhookAttemptOutcome.DELIVERED) {
            apply(new StatusWebhookDelivered(cmd.deliveryId(), ownerId, streamId, cmd.attempt(), cmd.attemptedAt()));
        } else if (cmd.outcome() == WebhookAttemptOutcome.ABANDONED) {
            apply(new StatusWebhookAbandoned(cmd.deliveryId(), ownerId, streamId, cmd.attempt(),
                    "Abandoned after " + cmd.attempt() + (cmd.attempt() == 1 ? " attempt: " : " attempts: ")
                            + describe(cmd.statusCode(), cmd.error()), cmd.attemptedAt()));
        }
    }

    private static String describe(Integer statusCode, String error) {
        if (error != null && !error.isBlank()) {
            return error;
        }
        return statusCode == null ? "no answer" : "the receiver answered " + statusCode;
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw HangarException.validation(field + ": must not be blank");
        }
    }

    @EventSourcingHandler
    void on(StatusWebhookRequested e) {
        id = WebhookStreams.idOf(e.streamId());
        streamId = e.streamId();
        ownerId = e.ownerId();
        lastPosition = e.position();
        requested.add(e.deliveryId());
        open.put(e.deliveryId(), 0);
    }

    @EventSourcingHandler
    void on(StatusWebhookAttempted e) {
        open.computeIfPresent(e.deliveryId(), (k, v) -> Math.max(v, e.attempt()));
    }

    @EventSourcingHandler
    void on(StatusWebhookDelivered e) {
        open.remove(e.deliveryId());
    }

    @EventSourcingHandler
    void on(StatusWebhookAbandoned e) {
        open.remove(e.deliveryId());
    }
}
