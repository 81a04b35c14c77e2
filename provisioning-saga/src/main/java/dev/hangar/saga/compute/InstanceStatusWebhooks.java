package dev.hangar.saga.compute;

import dev.hangar.kernel.common.HangarException;
import dev.hangar.kernel.instance.InstanceStatus;
import dev.hangar.kernel.instance.InstanceStatusChanged;
import dev.hangar.kernel.webhook.RequestStatusWebhook;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The bridge from a compute instance's status changes to its status webhook: each change of an
 * instance that has a webhook URL becomes one {@link RequestStatusWebhook} in the instance's stream,
 * with the event message's identifier as the delivery id (a redelivered event is not requested twice).
 * A URL the webhook check refuses (it was checked at the request, so only an older event's) is logged
 * and skipped; any other failure propagates and the processor retries the event. The final removal
 * ({@code deleted}, outside the surface's vocabulary) is not sent; {@code deleting} is.
 */
@Component
@ProcessingGroup(InstanceStatusWebhooks.GROUP)
public class InstanceStatusWebhooks {

    public static final String GROUP = "instance-status-webhooks";
    public static final String EVENT = "instance.status_changed";
    private static final Logger log = LoggerFactory.getLogger(InstanceStatusWebhooks.class);

    private final CommandGateway commands;

    public InstanceStatusWebhooks(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(InstanceStatusChanged event, EventMessage<?> message) {
        if (event.webhookUrl() == null || event.status() == InstanceStatus.DELETED) {
            return;
        }
        try {
            commands.sendAndWait(new RequestStatusWebhook(message.getIdentifier(), event.ownerId(), event.instanceId(),
                    event.webhookUrl(), EVENT, event.instanceId(), event.name(),
                    event.previousStatus() == null ? null : event.previousStatus().wire(), event.status().wire(),
                    event.reason(), event.at()));
        } catch (HangarException refused) {
            log.warn("Status webhook of instance {} not requested: {}", event.instanceId(), refused.getMessage());
        }
    }
}
