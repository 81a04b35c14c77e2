package dev.hangar.saga.provisioning;

import dev.hangar.kernel.database.DatabaseList;
import dev.hangar.kernel.database.DatabaseView;
import dev.hangar.kernel.database.ListDatabasesExpectedRunning;
import dev.hangar.kernel.database.RecordContainerExited;
import dev.hangar.kernel.instance.InstanceList;
import dev.hangar.kernel.instance.InstanceView;
import dev.hangar.kernel.instance.ListInstancesExpectedRunning;
import dev.hangar.kernel.instance.RecordInstanceContainerExited;
import dev.hangar.kernel.service.DeploymentView;
import dev.hangar.kernel.service.ListServicesExpectedRunning;
import dev.hangar.kernel.service.RecordServiceContainerExited;
import dev.hangar.kernel.service.ServiceList;
import dev.hangar.kernel.service.ServiceView;
import dev.hangar.saga.runtime.ContainerRuntime;
import dev.hangar.saga.runtime.ContainerRuntimeException;
import dev.hangar.saga.runtime.ContainerState;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The event stream sees what happens while Hangar runs; this sees what happened while it did not.
 * Shortly after start-up, and then periodically, every database, compute instance and service that should be running has its
 * container inspected; a missing or stopped one is reported like a drift event.
 */
@Component
public class ContainerReconciler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ContainerReconciler.class);

    private final ContainerRuntime runtime;
    private final QueryGateway queries;
    private final CommandGateway commands;
    private final Duration interval;
    private final Duration initialDelay;
    private ScheduledExecutorService scheduler;

    public ContainerReconciler(ContainerRuntime runtime, QueryGateway queries, CommandGateway commands,
                               ProvisioningProperties properties) {
        this.runtime = runtime;
        this.queries = queries;
        this.commands = commands;
        this.interval = properties.reconcileInterval();
        this.initialDelay = properties.reconcileInitialDelay();
    }

    /** @return how many databases, instances and services were reported */
    public int reconcile() {
        if (!runtime.ping()) {
            return 0;
        }
        int reported = 0;
        for (DatabaseView db : queries.query(new ListDatabasesExpectedRunning(), DatabaseList.class).join().databases()) {
            reported += reportIfDown(db.containerName(), action -> new RecordContainerExited(db.id(), action));
        }
        for (InstanceView instance : queries.query(new ListInstancesExpectedRunning(), InstanceList.class).join()
                .instances()) {
            reported += reportIfDown(instance.containerName(),
                    action -> new RecordInstanceContainerExited(instance.id(), action));
        }
        for (ServiceView service : queries.query(new ListServicesExpectedRunning(), ServiceList.class).join().services()) {
            Optional<DeploymentView> deployment = service.latestDeployment();
            if (deployment.isPresent()) {
                reported += reportIfDown(deployment.get().nomadJobId(),
                        action -> new RecordServiceContainerExited(service.id(), deployment.get().id(), action, null));
            }
        }
        return reported;
    }

    /** Sends the command {@code exited} makes ("destroy": gone, "die": stopped) when the container is not running. */
    private int reportIfDown(String containerName, Function<String, Object> exited) {
        try {
            Optional<ContainerState> state = runtime.inspect(containerName);
            if (state.isEmpty() || !state.get().running()) {
                commands.send(exited.apply(state.isEmpty() ? "destroy" : "die"));
                return 1;
            }
        } catch (ContainerRuntimeException e) {
            log.debug("Cannot inspect {}: {}", containerName, e.getMessage());
        }
        return 0;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "container-reconciler");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                int reported = reconcile();
                if (reported > 0) {
                    log.info("Reconciliation found {} database container(s) not running", reported);
                }
            } catch (RuntimeException e) {
                log.warn("Reconciliation failed: {}", e.getMessage());
            }
        }, initialDelay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
