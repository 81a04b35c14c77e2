package dev.hangar.saga.autostop;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.hangar.kernel.instance.AutoStopSettings;
import dev.hangar.kernel.instance.CheckInstanceIdle;
import dev.hangar.kernel.instance.IdleVerdict;
import dev.hangar.kernel.instance.InstanceAutoStopRequested;
import dev.hangar.kernel.instance.InstanceContainerExited;
import dev.hangar.kernel.instance.InstanceDeletionRequested;
import dev.hangar.kernel.instance.InstanceProvisioned;
import dev.hangar.kernel.instance.InstanceStarted;
import dev.hangar.kernel.instance.InstanceStopRequested;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * Watches one instance while it runs: a durable deadline (db-scheduler) looks at it when it would
 * become idle (at the latest every check interval); the instance itself decides ({@link CheckInstanceIdle})
 * whether it is still running and still unused, and stops itself if so. Each running period has its
 * generation; a look of an earlier period is ignored, nothing is cancelled. A restart finds the saga
 * and its pending look in the store: nothing forgotten, and a look repeated after a restart finds the
 * instance already stopping, so no stop is doubled. The saga ends when the instance stops or goes.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class AutoStopSaga {

    static final String LOOK = "instance-auto-stop-look";
    private static final String ID = "instanceId";

    private String instanceId;
    private long generation;

    @StartSaga
    @SagaEventHandler(associationProperty = ID)
    void on(InstanceProvisioned event, DeadlineManager deadlines) {
        watch(event.instanceId(), deadlines);
    }

    @StartSaga
    @SagaEventHandler(associationProperty = ID)
    void on(InstanceStarted event, DeadlineManager deadlines) {
        watch(event.instanceId(), deadlines);
    }

    private void watch(String id, DeadlineManager deadlines) {
        instanceId = id;
        generation++;
        deadlines.schedule(Duration.ZERO, LOOK, new AutoStopDue(id, generation));
    }

    @DeadlineHandler(deadlineName = LOOK)
    void look(AutoStopDue due, CommandGateway commands, AutoStopSettings settings, DeadlineManager deadlines) {
        if (due.generation() != generation) {
            return;
        }
        if (!settings.isEnabled()) {
            deadlines.schedule(settings.checkInterval(), LOOK, due);
            return;
        }
        IdleVerdict verdict = commands.sendAndWait(new CheckInstanceIdle(instanceId, false));
        if (!verdict.running() || verdict.stopped()) {
            return; // the stop (or what ended the running) ends this saga
        }
        Instant latest = verdict.checkedAt().plus(settings.checkInterval());
        Instant next = verdict.dueAt() == null || verdict.dueAt().isAfter(latest) ? latest : verdict.dueAt();
        deadlines.schedule(next, LOOK, due);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ID)
    void on(InstanceStopRequested event) {
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ID)
    void on(InstanceAutoStopRequested event) {
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ID)
    void on(InstanceContainerExited event) {
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ID)
    void on(InstanceDeletionRequested event) {
    }
}
