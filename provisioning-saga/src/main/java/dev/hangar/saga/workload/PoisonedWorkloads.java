package dev.hangar.saga.workload;

import dev.hangar.kernel.workload.ProvisioningHealth.Incident;
import dev.hangar.kernel.workload.WorkloadEvent;
import dev.hangar.kernel.workload.WorkloadRequested;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the workload saga does with an event it cannot handle. A store that cannot be reached is
 * passing: the error propagates and the processor retries the event. Anything else is a poison
 * message: retrying it would block every workload behind it, so it is recorded (visible in
 * {@code /health}), the workload it belongs to is recorded failed where that is possible, and the
 * processor moves on.
 */
public class PoisonedWorkloads implements ListenerInvocationErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(PoisonedWorkloads.class);
    private static final int KEPT = 100;

    private final WorkloadTypes types;
    private final Supplier<CommandGateway> commands;
    private final Deque<Incident> incidents = new ArrayDeque<>();

    /** {@code commands} is asked for late: this handler is part of the configuration the gateway comes from. */
    public PoisonedWorkloads(WorkloadTypes types, Supplier<CommandGateway> commands) {
        this.types = types;
        this.commands = commands;
    }

    @Override
    public void onError(Exception exception, EventMessage<?> event, EventMessageHandler handler) throws Exception {
        if (passing(exception)) {
            throw exception;
        }
        Object payload = event.getPayload();
        String workloadId = payload instanceof WorkloadEvent w ? w.workloadId() : null;
        String reason = "Hangar could not handle " + event.getPayloadType().getSimpleName() + ": "
                + (exception.getMessage() == null ? exception.getClass().getSimpleName() : exception.getMessage());
        log.error("Poison message for workload {} skipped: {}", workloadId, reason, exception);
        synchronized (incidents) {
            incidents.addFirst(new Incident(workloadId, event.getPayloadType().getSimpleName(), reason, Instant.now()));
            while (incidents.size() > KEPT) {
                incidents.removeLast();
            }
        }
        if (payload instanceof WorkloadRequested request) {
            commands.get().send(types.of(request).provisioningFailed(request, reason));
        }
    }

    public List<Incident> incidents() {
        synchronized (incidents) {
            return List.copyOf(incidents);
        }
    }

    private static boolean passing(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException || t instanceof IOException
                    || t.getClass().getName().startsWith("org.springframework.dao.")
                    || t.getClass().getName().startsWith("org.springframework.transaction.")) {
                return true;
            }
        }
        return false;
    }
}
