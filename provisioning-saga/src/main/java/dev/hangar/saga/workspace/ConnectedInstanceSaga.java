package dev.hangar.saga.workspace;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.hangar.kernel.workspace.ConnectedInstanceModified;
import dev.hangar.kernel.workspace.ConnectedInstanceRemoved;
import dev.hangar.kernel.workspace.InstanceConnected;
import dev.hangar.kernel.workspace.InstanceConnection;
import dev.hangar.kernel.workspace.InstanceDisconnected;
import dev.hangar.saga.workload.Due;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * Keeps one connected instance's health current: a probe at connect and at every change of address
 * or credentials, then a periodic check on a durable deadline while it is enabled. Deadlines are
 * never cancelled; each carries the saga's generation and an older one does nothing.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class ConnectedInstanceSaga {

    static final String CHECK = "connected-instance-check";
    private static final String ID = "instanceId";

    private String instanceId;
    private String tenantId;
    private InstanceConnection connection;
    private boolean enabled;
    private long generation;

    @StartSaga
    @SagaEventHandler(associationProperty = ID)
    void on(InstanceConnected event, InstanceProber prober, DeadlineManager deadlines) {
        instanceId = event.instanceId();
        tenantId = event.tenantId();
        connection = event.connection();
        enabled = event.profile().enabled();
        prober.probe(tenantId, instanceId, connection, true);
        scheduleFirstCheck(prober, deadlines);
    }

    @SagaEventHandler(associationProperty = ID)
    void on(ConnectedInstanceModified event, InstanceProber prober, DeadlineManager deadlines) {
        boolean wasEnabled = enabled;
        connection = event.connection();
        enabled = event.profile().enabled();
        if (event.reprobe()) {
            prober.probe(tenantId, instanceId, connection, true);
        }
        if (event.reprobe() || enabled != wasEnabled) {
            generation++;
            scheduleFirstCheck(prober, deadlines);
        }
    }

    @SagaEventHandler(associationProperty = ID)
    void on(InstanceDisconnected event) {
        enabled = false;
        generation++;
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ID)
    void on(ConnectedInstanceRemoved event) {
        generation++;
    }

    @DeadlineHandler(deadlineName = CHECK)
    void check(Due due, InstanceProber prober, DeadlineManager deadlines) {
        if (due.generation() == generation && enabled) {
            prober.probe(tenantId, instanceId, connection, false);
            deadlines.schedule(prober.nextCheck(false), CHECK, due);
        }
    }

    private void scheduleFirstCheck(InstanceProber prober, DeadlineManager deadlines) {
        if (enabled) {
            deadlines.schedule(prober.nextCheck(true), CHECK, new Due(instanceId, generation));
        }
    }
}
