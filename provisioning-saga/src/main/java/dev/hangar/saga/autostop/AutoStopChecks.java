package dev.hangar.saga.autostop;

import dev.hangar.kernel.instance.AutoStopCheckRequested;
import dev.hangar.kernel.instance.CheckInstanceIdle;
import dev.hangar.kernel.instance.CompleteAutoStopCheck;
import dev.hangar.kernel.instance.IdleVerdict;
import dev.hangar.kernel.instance.InstanceList;
import dev.hangar.kernel.instance.InstanceView;
import dev.hangar.kernel.instance.ListInstancesExpectedRunning;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * Carries out an auto-stop check run (the trigger) off the request thread: asks every running
 * instance in its scope whether it is idle (a dry run asks without letting it stop) and records what
 * it found and did. Each instance decides for itself, so a run repeated after a restart stops nothing twice.
 */
@Component
@ProcessingGroup(AutoStopChecks.GROUP)
public class AutoStopChecks {

    public static final String GROUP = "instance-auto-stop-checks";

    private final CommandGateway commands;
    private final QueryGateway queries;

    public AutoStopChecks(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @EventHandler
    void on(AutoStopCheckRequested event) {
        List<InstanceView> running = queries.query(new ListInstancesExpectedRunning(), InstanceList.class).join()
                .instances();
        List<String> candidates = new ArrayList<>();
        List<String> stopped = new ArrayList<>();
        for (InstanceView instance : running) {
            if (event.ownerId() != null && !event.ownerId().equals(instance.ownerId())) {
                continue;
            }
            IdleVerdict verdict = commands.sendAndWait(new CheckInstanceIdle(instance.id(), event.dryRun()));
            if (verdict.idle()) {
                candidates.add(instance.id());
            }
            if (verdict.stopped()) {
                stopped.add(instance.id());
            }
        }
        commands.sendAndWait(new CompleteAutoStopCheck(event.runId(), event.requestedBy(), event.ownerId(),
                event.dryRun(), candidates, stopped));
    }
}
