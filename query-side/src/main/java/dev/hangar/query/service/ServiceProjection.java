package dev.hangar.query.service;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import dev.hangar.kernel.common.SecretBox;
import dev.hangar.kernel.service.DeploymentStatus;
import dev.hangar.kernel.service.FindService;
import dev.hangar.kernel.service.ListServices;
import dev.hangar.kernel.service.ListServicesExpectedRunning;
import dev.hangar.kernel.service.ServiceContainerExited;
import dev.hangar.kernel.service.ServiceContainerRemovalRequested;
import dev.hangar.kernel.service.ServiceContainerRemoved;
import dev.hangar.kernel.service.ServiceCreated;
import dev.hangar.kernel.service.ServiceDeleted;
import dev.hangar.kernel.service.ServiceDeploymentCompleted;
import dev.hangar.kernel.service.ServiceDeploymentCreated;
import dev.hangar.kernel.service.ServiceDeploymentFailed;
import dev.hangar.kernel.service.ServiceDeploymentRequested;
import dev.hangar.kernel.service.ServiceList;
import dev.hangar.kernel.service.ServiceRestartFailed;
import dev.hangar.kernel.service.ServiceRestartRequested;
import dev.hangar.kernel.service.ServiceRestarted;
import dev.hangar.kernel.service.ServiceState;
import dev.hangar.kernel.service.ServiceStatus;
import dev.hangar.kernel.service.ServiceStopped;
import dev.hangar.kernel.service.ServiceUpdated;
import dev.hangar.kernel.service.ServiceView;
import dev.hangar.kernel.service.WatchService;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The services read model, scoped by tenant at every query. One segment, one thread: each change
 * reads the document, changes it and writes it whole; a change that finds nothing (an event handled
 * again after the service was deleted) writes nothing. Every write is emitted to the watches of that
 * service, after the event's unit of work commits.
 */
@Component
@ProcessingGroup(ServiceProjection.GROUP)
public class ServiceProjection {

    public static final String GROUP = "services-projection";

    private final MongoTemplate mongo;
    private final QueryUpdateEmitter updates;
    private final SecretBox secrets;

    public ServiceProjection(MongoTemplate mongo, QueryUpdateEmitter updates, SecretBox secrets) {
        this.mongo = mongo;
        this.updates = updates;
        this.secrets = secrets;
    }

    @EventHandler
    void on(ServiceCreated e) {
        ServiceDocument doc = Optional.ofNullable(mongo.findById(e.serviceId(), ServiceDocument.class))
                .orElseGet(ServiceDocument::new);
        doc.id = e.serviceId();
        doc.tenantId = e.tenantId();
        doc.name = e.name();
        doc.type = e.type();
        doc.status = ServiceStatus.STOPPED;
        doc.description = e.description();
        doc.config = e.config();
        doc.templateId = e.templateId();
        doc.createdBy = e.createdBy();
        doc.createdAt = e.createdAt();
        doc.updatedAt = e.createdAt();
        save(doc);
    }

    @EventHandler
    void on(ServiceUpdated e) {
        change(e.serviceId(), e.updatedAt(), doc -> {
            if (e.name() != null) {
                doc.name = e.name();
            }
            if (e.description() != null) {
                doc.description = e.description();
            }
            doc.type = e.type();
            doc.config = e.config();
        });
    }

    @EventHandler
    void on(ServiceDeploymentCreated e) {
        change(e.serviceId(), e.createdAt(), doc -> {
            if (doc.deployment(e.deploymentId()) == null) {
                ServiceDocument.Deployment d = new ServiceDocument.Deployment();
                d.id = e.deploymentId();
                d.status = DeploymentStatus.PENDING;
                d.containerName = e.containerName();
                d.deployedBy = e.deployedBy();
                d.createdAt = e.createdAt();
                doc.deployments.add(d);
            }
            doc.status = ServiceStatus.DEPLOYING;
            doc.failureReason = null;
        });
    }

    @EventHandler
    void on(ServiceDeploymentRequested e) {
        change(e.serviceId(), e.requestedAt(), doc -> {
            deployment(doc, e.deploymentId(), d -> {
                d.startedAt = e.requestedAt();
                d.ports = new java.util.ArrayList<>(e.ports());
            });
            doc.status = ServiceStatus.DEPLOYING;
        });
    }

    @EventHandler
    void on(ServiceDeploymentCompleted e) {
        change(e.serviceId(), e.completedAt(), doc -> {
            deployment(doc, e.deploymentId(), d -> {
                d.status = DeploymentStatus.COMPLETED;
                d.containerId = e.containerId();
                d.completedAt = e.completedAt();
            });
            doc.status = ServiceStatus.RUNNING;
            doc.failureReason = null;
        });
    }

    @EventHandler
    void on(ServiceDeploymentFailed e) {
        change(e.serviceId(), e.failedAt(), doc -> {
            deployment(doc, e.deploymentId(), d -> {
                d.status = DeploymentStatus.FAILED;
                d.failureReason = e.reason();
                d.completedAt = e.failedAt();
            });
            doc.status = ServiceStatus.FAILED;
            doc.failureReason = e.reason();
        });
    }

    @EventHandler
    void on(ServiceRestartRequested e) {
        change(e.serviceId(), e.requestedAt(), doc -> doc.status = ServiceStatus.RESTARTING);
    }

    @EventHandler
    void on(ServiceRestarted e) {
        change(e.serviceId(), e.restartedAt(), doc -> {
            deployment(doc, e.deploymentId(), d -> d.containerId = e.containerId());
            doc.status = ServiceStatus.RUNNING;
            doc.failureReason = null;
        });
    }

    @EventHandler
    void on(ServiceRestartFailed e) {
        change(e.serviceId(), e.failedAt(), doc -> {
            doc.status = ServiceStatus.FAILED;
            doc.failureReason = "Restart failed: " + e.reason();
        });
    }

    @EventHandler
    void on(ServiceContainerExited e) {
        change(e.serviceId(), e.exitedAt(), doc -> {
            doc.status = ServiceStatus.FAILED;
            doc.failureReason = "Container " + e.action() + " outside Hangar; start the service to deploy it again";
        });
    }

    @EventHandler
    void on(ServiceContainerRemovalRequested e) {
        change(e.serviceId(), e.requestedAt(), doc -> doc.status = switch (e.purpose()) {
            case STOP -> ServiceStatus.STOPPING;
            case DELETE -> ServiceStatus.DELETING;
            case REPLACE -> ServiceStatus.DEPLOYING;
        });
    }

    @EventHandler
    void on(ServiceContainerRemoved e) {
        // what follows (stopped, the next deployment, deleted) says what the service is now
    }

    @EventHandler
    void on(ServiceStopped e) {
        change(e.serviceId(), e.stoppedAt(), doc -> {
            doc.status = ServiceStatus.STOPPED;
            doc.failureReason = null;
        });
    }

    @EventHandler
    void on(ServiceDeleted e) {
        mongo.remove(Query.query(where("_id").is(e.serviceId())), ServiceDocument.class);
        updates.emit(WatchService.class, watching(e.serviceId(), e.tenantId()), new ServiceState(e.serviceId(), null));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(ServiceDocument.class);
    }

    @QueryHandler
    public Optional<ServiceView> handle(FindService query) {
        return Optional.ofNullable(mongo.findOne(Query.query(where("_id").is(query.serviceId())
                .and("tenantId").is(query.tenantId())), ServiceDocument.class)).map(d -> d.toView(secrets));
    }

    @QueryHandler
    public ServiceState handle(WatchService query) {
        return new ServiceState(query.serviceId(), handle(new FindService(query.tenantId(), query.serviceId()))
                .orElse(null));
    }

    @QueryHandler
    public ServiceList handle(ListServices query) {
        return new ServiceList(mongo.find(Query.query(where("tenantId").is(query.tenantId()))
                .with(Sort.by("createdAt", "id")), ServiceDocument.class).stream().map(d -> d.toView(secrets)).toList());
    }

    /** Without secrets: the reconciler needs only ids and container names. */
    @QueryHandler
    public ServiceList handle(ListServicesExpectedRunning query) {
        return new ServiceList(mongo.find(Query.query(where("status").is(ServiceStatus.RUNNING)), ServiceDocument.class)
                .stream().map(d -> {
                    d.config = null;
                    return d.toView(secrets);
                }).toList());
    }

    private void change(String serviceId, Instant at, Consumer<ServiceDocument> change) {
        ServiceDocument doc = mongo.findById(serviceId, ServiceDocument.class);
        if (doc == null) {
            return;
        }
        change.accept(doc);
        if (at != null && (doc.updatedAt == null || at.isAfter(doc.updatedAt))) {
            doc.updatedAt = at;
        }
        save(doc);
    }

    private static void deployment(ServiceDocument doc, String deploymentId, Consumer<ServiceDocument.Deployment> change) {
        ServiceDocument.Deployment d = doc.deployment(deploymentId);
        if (d != null) {
            change.accept(d);
        }
    }

    private void save(ServiceDocument doc) {
        mongo.save(doc);
        updates.emit(WatchService.class, watching(doc.id, doc.tenantId), new ServiceState(doc.id, doc.toView(secrets)));
    }

    private static Predicate<WatchService> watching(String serviceId, String tenantId) {
        return q -> q.serviceId().equals(serviceId) && q.tenantId().equals(tenantId);
    }
}
