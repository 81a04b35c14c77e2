package dev.hangar.command.compute;

import dev.hangar.kernel.instance.AutoStopCheckCompleted;
import dev.hangar.kernel.instance.AutoStopCheckRequested;
import dev.hangar.kernel.instance.CompleteAutoStopCheck;
import dev.hangar.kernel.instance.RunAutoStopCheck;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.stereotype.Component;

/**
 * An auto-stop check run (the trigger) is no aggregate's: its request and its outcome are recorded as
 * events of their own, in the same store. The instances themselves decide whether they are idle
 * ({@code CheckInstanceIdle}); this only records that a run was asked for and what it found.
 */
@Component
public class AutoStopCheckHandler {

    private final EventGateway events;

    public AutoStopCheckHandler(EventGateway events) {
        this.events = events;
    }

    @CommandHandler
    public void handle(RunAutoStopCheck cmd) {
        events.publish(new AutoStopCheckRequested(cmd.runId(), cmd.requestedBy(), cmd.ownerId(), cmd.dryRun(),
                GenericEventMessage.clock.instant()));
    }

    @CommandHandler
    public void handle(CompleteAutoStopCheck cmd) {
        events.publish(new AutoStopCheckCompleted(cmd.runId(), cmd.requestedBy(), cmd.ownerId(), cmd.dryRun(),
                cmd.candidates(), cmd.stopped(), GenericEventMessage.clock.instant()));
    }
}
