package dev.hangar.saga.provisioning;

import dev.hangar.kernel.database.RecordContainerExited;
import dev.hangar.kernel.instance.RecordInstanceContainerExited;
import dev.hangar.saga.compute.ComputeInstanceWorkload;
import dev.hangar.saga.runtime.Labels;
import dev.hangar.kernel.service.RecordServiceContainerExited;
import dev.hangar.saga.service.ServiceWorkload;
import dev.hangar.saga.runtime.ContainerEvent;
import dev.hangar.saga.runtime.ContainerRuntime;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Follows the engine's event stream and reports a database, compute instance or service container that
 * stops, dies or is removed (which by its {@code hangar.kind} label); the aggregate decides whether that is news
 * (it is, only while it should run).
 * When the engine cannot be reached, it tries again every few seconds.
 */
@Component
public class ContainerDriftWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ContainerDriftWatcher.class);
    private static final Set<String> GONE = Set.of("die", "stop", "kill", "oom", "destroy");

    private final ContainerRuntime runtime;
    private final CommandGateway commands;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "container-drift-watcher");
        t.setDaemon(true);
        return t;
    });
    private volatile AutoCloseable stream;
    private volatile boolean running;

    public ContainerDriftWatcher(ContainerRuntime runtime, CommandGateway commands) {
        this.runtime = runtime;
        this.commands = commands;
    }

    @Override
    public void start() {
        running = true;
        scheduler.scheduleWithFixedDelay(this::ensureWatching, 0, 5, TimeUnit.SECONDS);
    }

    private void ensureWatching() {
        if (stream != null || !running) {
            return;
        }
        try {
            stream = runtime.watch(this::onEvent);
        } catch (RuntimeException e) {
            log.debug("Container engine not watchable yet: {}", e.getMessage());
        }
    }

    void onEvent(ContainerEvent event) {
        if (event.instanceId() != null && GONE.contains(event.action())) {
            String kind = event.labels().get(Labels.KIND);
            Object command;
            if (ServiceWorkload.KIND.equals(kind)) {
                command = new RecordServiceContainerExited(event.instanceId(),
                        event.labels().get(ServiceWorkload.DEPLOYMENT_LABEL), event.action(), event.at());
            } else if (ComputeInstanceWorkload.KIND.equals(kind)) {
                command = new RecordInstanceContainerExited(event.instanceId(), event.action());
            } else {
                command = new RecordContainerExited(event.instanceId(), event.action());
            }
            commands.send(command)
                    .exceptionally(e -> {
                        log.debug("Drift of {} not recorded: {}", event.instanceId(), e.getMessage());
                        return null;
                    });
        }
    }

    @Override
    public void stop() {
        running = false;
        scheduler.shutdownNow();
        AutoCloseable current = stream;
        stream = null;
        if (current != null) {
            try {
                current.close();
            } catch (Exception e) {
                log.debug("Closing the event stream: {}", e.getMessage());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
