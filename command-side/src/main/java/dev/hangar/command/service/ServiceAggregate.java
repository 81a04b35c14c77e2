package dev.hangar.command.service;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.hangar.kernel.common.HangarException;
import dev.hangar.kernel.service.CompleteServiceDeployment;
import dev.hangar.kernel.service.CompleteServiceRestart;
import dev.hangar.kernel.service.DeploymentStatus;
import dev.hangar.kernel.service.DeploymentView;
import dev.hangar.kernel.service.FailServiceDeployment;
import dev.hangar.kernel.service.FailServiceRestart;
import dev.hangar.kernel.service.PublishedPort;
import dev.hangar.kernel.service.RecordServiceContainerExited;
import dev.hangar.kernel.service.RecordServiceContainerStopped;
import dev.hangar.kernel.service.RestartService;
import dev.hangar.kernel.service.ServiceConfig;
import dev.hangar.kernel.service.ServiceContainerExited;
import dev.hangar.kernel.service.ServiceContainerPaused;
import dev.hangar.kernel.service.ServiceContainerRemovalRequested;
import dev.hangar.kernel.service.ServiceContainerRemovalRequested.Purpose;
import dev.hangar.kernel.service.ServiceContainerRemoved;
import dev.hangar.kernel.service.ServiceContainerRestarting;
import dev.hangar.kernel.service.ServiceCreated;
import dev.hangar.kernel.service.ServiceDeleted;
import dev.hangar.kernel.service.ServiceDeploymentCompleted;
import dev.hangar.kernel.service.ServiceDeploymentCreated;
import dev.hangar.kernel.service.ServiceDeploymentFailed;
import dev.hangar.kernel.service.ServiceDeploymentRequested;
import dev.hangar.kernel.service.ServiceResources;
import dev.hangar.kernel.service.ServiceRestartFailed;
import dev.hangar.kernel.service.ServiceRestartRequested;
import dev.hangar.kernel.service.ServiceRestarted;
import dev.hangar.kernel.service.ServiceStatus;
import dev.hangar.kernel.service.ServiceStopped;
import dev.hangar.kernel.service.ServiceUpdated;
import dev.hangar.kernel.service.StopService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A tenant's service (seed 002) and its deployments. Each deployment is one container, driven by
 * the provisioning engine as a workload of its own; the service keeps at most one deployment's
 * container ({@code liveDeploymentId}). A redeploy, or a start after the container failed, removes
 * the old container first and requests the new one when its removal is recorded, so the service's
 * host ports pass from one container to the next without overlap.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class ServiceAggregate {

    /** A tenant's container never runs without limits: these when {@code resources} gives none. */
    static final int DEFAULT_MEMORY_MIB = 512;
    static final int DEFAULT_CPU_MHZ = 1000;

    @AggregateIdentifier
    private String serviceId;
    private String tenantId;
    private String type;
    private ServiceConfig config;
    private ServiceStatus status;
    /** The newest deployment and its container name. */
    private String latestDeploymentId;
    private String latestContainerName;
    /** The deployment whose container exists (or is being made); null for none. */
    private String liveDeploymentId;
    private Purpose removal;
    private Instant readySince;
    private long lastEpoch;
    private Map<Integer, Integer> ports = new LinkedHashMap<>();

    protected ServiceAggregate() {
    }

    ServiceAggregate(ServiceCreated created) {
        apply(created);
    }

    // ---- the tenant's wishes -------------------------------------------------------------------------

    @CommandHandler
    void handle(ReviseService cmd) {
        requireLive();
        apply(new ServiceUpdated(serviceId, tenantId, cmd.name(), cmd.type(), cmd.description(), cmd.sealedConfig(),
                cmd.updatedBy(), now()));
    }

    /**
     * A new deployment: requested at once, or after the live container is removed. A start is refused
     * while the service runs or a deployment is under way; a redeploy (PUT of a running service) is not.
     */
    @CommandHandler
    DeploymentView handle(DeployService cmd) {
        requireLive();
        if (!cmd.redeploy()) {
            switch (status) {
                case RUNNING -> throw HangarException.validation("Service is already running");
                case DEPLOYING, RESTARTING, STOPPING, DELETING -> throw HangarException.validation(
                        "Service deployment already in progress");
                default -> { }
            }
        }
        return deploy(cmd.deploymentId(), cmd.deployedBy());
    }

    private DeploymentView deploy(String deploymentId, String deployedBy) {
        Instant now = now();
        long epoch = Math.max(now.getEpochSecond(), lastEpoch + 1);
        String container = containerName(tenantId, type, epoch);
        apply(new ServiceDeploymentCreated(serviceId, tenantId, deploymentId, container, deployedBy, now));
        if (liveDeploymentId != null) {
            apply(new ServiceContainerRemovalRequested(serviceId, liveDeploymentId, Purpose.REPLACE, now));
        } else {
            apply(request(now));
        }
        return new DeploymentView(deploymentId, serviceId, DeploymentStatus.PENDING, container, null, deployedBy, null,
                now, null, null, null);
    }

    @CommandHandler
    void handle(StopService cmd) {
        requireTenant(cmd.tenantId());
        if (status != ServiceStatus.RUNNING) {
            throw HangarException.validation("Service is not running");
        }
        apply(new ServiceContainerRemovalRequested(serviceId, liveDeploymentId, Purpose.STOP, now()));
    }

    @CommandHandler
    void handle(RestartService cmd) {
        requireTenant(cmd.tenantId());
        if (status != ServiceStatus.RUNNING) {
            throw HangarException.validation("Service is not running");
        }
        apply(new ServiceRestartRequested(serviceId, liveDeploymentId, now()));
    }

    /** @return whether the service is deleted now (its ports and type are to be released) */
    @CommandHandler
    boolean handle(RemoveService cmd) {
        requireLive();
        if (status == ServiceStatus.DELETING) {
            return false;
        }
        if (liveDeploymentId != null) {
            apply(new ServiceContainerRemovalRequested(serviceId, liveDeploymentId, Purpose.DELETE, now()));
            return false;
        }
        apply(new ServiceDeleted(serviceId, tenantId, type, now()));
        return true;
    }

    // ---- what the provisioning engine reports --------------------------------------------------------

    @CommandHandler
    void handle(CompleteServiceDeployment cmd) {
        if (status == ServiceStatus.DEPLOYING && cmd.deploymentId().equals(liveDeploymentId)) {
            apply(new ServiceDeploymentCompleted(serviceId, cmd.deploymentId(), cmd.containerId(), now()));
        }
    }

    @CommandHandler
    void handle(FailServiceDeployment cmd) {
        if (status == ServiceStatus.DEPLOYING && cmd.deploymentId().equals(liveDeploymentId)) {
            apply(new ServiceDeploymentFailed(serviceId, cmd.deploymentId(), cmd.reason(), now()));
        }
    }

    @CommandHandler
    void handle(RecordServiceContainerStopped cmd) {
        if (status == ServiceStatus.RESTARTING && cmd.deploymentId().equals(liveDeploymentId)) {
            Instant now = now();
            apply(new ServiceContainerPaused(serviceId, cmd.deploymentId(), now));
            apply(new ServiceContainerRestarting(serviceId, cmd.deploymentId(), now));
        }
    }

    @CommandHandler
    void handle(CompleteServiceRestart cmd) {
        if (status == ServiceStatus.RESTARTING && cmd.deploymentId().equals(liveDeploymentId)) {
            apply(new ServiceRestarted(serviceId, cmd.deploymentId(), cmd.containerId(), now()));
        }
    }

    @CommandHandler
    void handle(FailServiceRestart cmd) {
        if (status == ServiceStatus.RESTARTING && cmd.deploymentId().equals(liveDeploymentId)) {
            apply(new ServiceRestartFailed(serviceId, cmd.deploymentId(), cmd.reason(), now()));
        }
    }

    /** @return whether the service is deleted now (its ports and type are to be released) */
    @CommandHandler
    boolean handle(RecordContainerRemoval cmd) {
        String deploymentId = cmd.deploymentId();
        if (removal == null || !deploymentId.equals(liveDeploymentId)) {
            return false;
        }
        Purpose purpose = removal;
        Instant now = now();
        apply(new ServiceContainerRemoved(serviceId, deploymentId, now));
        switch (purpose) {
            case STOP -> apply(new ServiceStopped(serviceId, now));
            case REPLACE -> apply(request(now));
            case DELETE -> {
                apply(new ServiceDeleted(serviceId, tenantId, type, now));
                return true;
            }
        }
        return false;
    }

    /** The container went behind Hangar's back: news only while it should run, and not a restart's own stop. */
    @CommandHandler
    void handle(RecordServiceContainerExited cmd) {
        if (status == ServiceStatus.RUNNING && cmd.deploymentId().equals(liveDeploymentId)
                && (cmd.at() == null || readySince == null || !cmd.at().isBefore(readySince))) {
            apply(new ServiceContainerExited(serviceId, cmd.deploymentId(), cmd.action(), now()));
        }
    }

    // ---- for the command handler ---------------------------------------------------------------------

    @CommandHandler
    void handle(AssignServicePorts cmd) {
        if (!cmd.ports().isEmpty()) {
            apply(new ServicePortsAssigned(serviceId, cmd.ports()));
        }
    }

    Map<Integer, Integer> ports() {
        return Map.copyOf(ports);
    }

    ServiceConfig config() {
        return config;
    }

    String type() {
        return type;
    }

    String tenantId() {
        return tenantId;
    }

    ServiceStatus status() {
        return status;
    }

    void requireTenant(String tenant) {
        if (status == ServiceStatus.DELETED || !tenantId.equals(tenant)) {
            throw HangarException.notFound("SERVICE_NOT_FOUND", "Service not found");
        }
    }

    private void requireLive() {
        if (status == ServiceStatus.DELETED) {
            throw HangarException.notFound("SERVICE_NOT_FOUND", "Service not found");
        }
    }

    private ServiceDeploymentRequested request(Instant now) {
        List<PublishedPort> published = new ArrayList<>();
        for (Integer containerPort : config.ports()) {
            Integer hostPort = ports.get(containerPort);
            if (hostPort == null) {
                throw new IllegalStateException("no host port for container port " + containerPort);
            }
            published.add(new PublishedPort(containerPort, hostPort));
        }
        ServiceResources r = config.resources();
        long memory = (r == null || r.memory() == 0 ? DEFAULT_MEMORY_MIB : r.memory()) * 1024L * 1024L;
        long nanoCpus = (r == null || r.cpu() == 0 ? DEFAULT_CPU_MHZ : r.cpu()) * 1_000_000L;
        return new ServiceDeploymentRequested(serviceId, tenantId, latestDeploymentId, latestContainerName,
                config.image(), published, config.environment(), memory, nanoCpus, now);
    }

    /** seed 002's {@code nomad_job_id}: {@code <tenant>-<type>-<epoch>}, a valid container name. */
    static String containerName(String tenantId, String type, long epoch) {
        String slug = type.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        return tenantId + "-" + slug + "-" + epoch;
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    // ---- state ---------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(ServiceCreated e) {
        serviceId = e.serviceId();
        tenantId = e.tenantId();
        type = e.type();
        config = e.config();
        status = ServiceStatus.STOPPED;
    }

    @EventSourcingHandler
    void on(ServiceUpdated e) {
        type = e.type();
        config = e.config();
    }

    @EventSourcingHandler
    void on(ServicePortsAssigned e) {
        e.ports().forEach(p -> ports.put(p.containerPort(), p.hostPort()));
    }

    @EventSourcingHandler
    void on(ServiceDeploymentCreated e) {
        latestDeploymentId = e.deploymentId();
        latestContainerName = e.containerName();
        lastEpoch = Long.parseLong(e.containerName().substring(e.containerName().lastIndexOf('-') + 1));
        status = ServiceStatus.DEPLOYING;
    }

    @EventSourcingHandler
    void on(ServiceDeploymentRequested e) {
        liveDeploymentId = e.deploymentId();
        status = ServiceStatus.DEPLOYING;
    }

    @EventSourcingHandler
    void on(ServiceDeploymentCompleted e) {
        status = ServiceStatus.RUNNING;
        readySince = e.completedAt();
    }

    @EventSourcingHandler
    void on(ServiceDeploymentFailed e) {
        status = ServiceStatus.FAILED;
        liveDeploymentId = null;
    }

    @EventSourcingHandler
    void on(ServiceRestartRequested e) {
        status = ServiceStatus.RESTARTING;
    }

    @EventSourcingHandler
    void on(ServiceRestarted e) {
        status = ServiceStatus.RUNNING;
        readySince = e.restartedAt();
    }

    @EventSourcingHandler
    void on(ServiceRestartFailed e) {
        status = ServiceStatus.FAILED;
    }

    @EventSourcingHandler
    void on(ServiceContainerExited e) {
        status = ServiceStatus.FAILED;
    }

    @EventSourcingHandler
    void on(ServiceContainerRemovalRequested e) {
        removal = e.purpose();
        switch (e.purpose()) {
            case STOP -> status = ServiceStatus.STOPPING;
            case DELETE -> status = ServiceStatus.DELETING;
            case REPLACE -> status = ServiceStatus.DEPLOYING;
        }
    }

    @EventSourcingHandler
    void on(ServiceContainerRemoved e) {
        liveDeploymentId = null;
        removal = null;
    }

    @EventSourcingHandler
    void on(ServiceStopped e) {
        status = ServiceStatus.STOPPED;
    }

    @EventSourcingHandler
    void on(ServiceDeleted e) {
        status = ServiceStatus.DELETED;
    }
}
