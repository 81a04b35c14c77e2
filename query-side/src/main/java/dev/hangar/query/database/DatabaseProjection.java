package dev.hangar.query.database;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import dev.hangar.kernel.database.DatabaseContainerExited;
import dev.hangar.kernel.database.DatabaseDeleted;
import dev.hangar.kernel.database.DatabaseDeletionRequested;
import dev.hangar.kernel.database.DatabaseList;
import dev.hangar.kernel.database.DatabasePasswordRotated;
import dev.hangar.kernel.database.DatabasePasswordRotationFailed;
import dev.hangar.kernel.database.DatabasePasswordRotationRequested;
import dev.hangar.kernel.database.DatabaseProvisioned;
import dev.hangar.kernel.database.DatabaseProvisioningFailed;
import dev.hangar.kernel.database.DatabaseRequested;
import dev.hangar.kernel.database.Engine;
import dev.hangar.kernel.database.DatabaseResumeFailed;
import dev.hangar.kernel.database.DatabaseResumeRequested;
import dev.hangar.kernel.database.DatabaseResumed;
import dev.hangar.kernel.database.DatabaseState;
import dev.hangar.kernel.database.DatabaseStatus;
import dev.hangar.kernel.database.DatabaseSuspended;
import dev.hangar.kernel.database.DatabaseSuspensionRequested;
import dev.hangar.kernel.database.DatabaseView;
import dev.hangar.kernel.database.FindDatabase;
import dev.hangar.kernel.database.ListDatabases;
import dev.hangar.kernel.database.ListDatabasesExpectedRunning;
import dev.hangar.kernel.database.PasswordRotation.Outcome;
import dev.hangar.kernel.database.WatchDatabase;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The databases read model, scoped by owner at every query. */
@Component
@ProcessingGroup(DatabaseProjection.GROUP)
// before the api's cache eviction in this group: the read model holds an event's change before the cached lists go
@org.springframework.core.annotation.Order(0)
public class DatabaseProjection {

    public static final String GROUP = "databases-projection";

    private final MongoTemplate mongo;
    private final QueryUpdateEmitter updates;

    public DatabaseProjection(MongoTemplate mongo, QueryUpdateEmitter updates) {
        this.mongo = mongo;
        this.updates = updates;
    }

    @EventHandler
    void on(DatabaseRequested e) {
        changed(mongo.save(new DatabaseDocument(e.instanceId(), e.ownerId(), displayName(e.engine()),
                e.engineVersion(), e.databaseName(),
                DatabaseStatus.CREATING, e.host(), e.port(), e.username(), e.containerName(), null, null, null, null, null,
                e.requestedAt(), e.requestedAt())));
    }

    @EventHandler
    void on(DatabaseProvisioned e) {
        status(e.instanceId(), DatabaseStatus.RUNNING, e.provisionedAt(), new Update().set("containerId", e.containerId()));
    }

    @EventHandler
    void on(DatabaseProvisioningFailed e) {
        status(e.instanceId(), DatabaseStatus.FAILED, e.failedAt(), new Update().set("failureReason", e.reason()));
    }

    @EventHandler
    void on(DatabaseSuspensionRequested e) {
        status(e.instanceId(), DatabaseStatus.SUSPENDING, e.requestedAt(), new Update());
    }

    @EventHandler
    void on(DatabaseSuspended e) {
        status(e.instanceId(), DatabaseStatus.SUSPENDED, e.suspendedAt(), new Update());
    }

    @EventHandler
    void on(DatabaseResumeRequested e) {
        status(e.instanceId(), DatabaseStatus.RESUMING, e.requestedAt(), new Update());
    }

    @EventHandler
    void on(DatabaseResumed e) {
        status(e.instanceId(), DatabaseStatus.RUNNING, e.resumedAt(),
                new Update().set("containerId", e.containerId()).set("failureReason", null));
    }

    @EventHandler
    void on(DatabaseResumeFailed e) {
        status(e.instanceId(), DatabaseStatus.FAILED, e.failedAt(), new Update().set("failureReason", e.reason()));
    }

    @EventHandler
    void on(DatabaseContainerExited e) {
        status(e.instanceId(), DatabaseStatus.FAILED, e.exitedAt(),
                new Update().set("failureReason", "Container " + e.action() + " outside Hangar; resume to restart it"));
    }

    @EventHandler
    void on(DatabaseDeletionRequested e) {
        status(e.instanceId(), DatabaseStatus.DELETING, e.requestedAt(), new Update());
    }

    @EventHandler
    void on(DatabaseDeleted e) {
        mongo.remove(byId(e.instanceId()), DatabaseDocument.class);
        updates.emit(WatchDatabase.class, watching(e.instanceId(), e.ownerId()), DatabaseState.gone(e.instanceId()));
    }

    @EventHandler
    void on(DatabasePasswordRotationRequested e) {
        update(byId(e.instanceId()), new Update().set("lastRotationId", e.rotationId())
                .set("lastRotationState", Outcome.PENDING).set("lastRotationFailure", null).set("updatedAt", e.requestedAt()));
    }

    @EventHandler
    void on(DatabasePasswordRotated e) {
        rotation(e.instanceId(), e.rotationId(), Outcome.ROTATED, null, e.rotatedAt());
    }

    @EventHandler
    void on(DatabasePasswordRotationFailed e) {
        rotation(e.instanceId(), e.rotationId(), Outcome.FAILED, e.reason(), e.failedAt());
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(DatabaseDocument.class);
    }

    @QueryHandler
    public Optional<DatabaseView> handle(FindDatabase query) {
        return Optional.ofNullable(mongo.findOne(Query.query(where("_id").is(query.instanceId())
                .and("ownerId").is(query.ownerId())), DatabaseDocument.class)).map(DatabaseDocument::toView);
    }

    /** The initial result of the subscription query; {@link #changed} emits its updates. */
    @QueryHandler
    public DatabaseState handle(WatchDatabase query) {
        return new DatabaseState(query.instanceId(), handle(new FindDatabase(query.ownerId(), query.instanceId()))
                .orElse(null));
    }

    @QueryHandler
    public DatabaseList handle(ListDatabases query) {
        return new DatabaseList(mongo.find(Query.query(where("ownerId").is(query.ownerId()))
                .with(Sort.by("createdAt", "id")), DatabaseDocument.class).stream().map(DatabaseDocument::toView).toList());
    }

    @QueryHandler
    public DatabaseList handle(ListDatabasesExpectedRunning query) {
        return new DatabaseList(mongo.find(Query.query(where("status").is(DatabaseStatus.RUNNING)),
                DatabaseDocument.class).stream().map(DatabaseDocument::toView).toList());
    }

    private void status(String id, DatabaseStatus status, Instant at, Update update) {
        update(byId(id), update.set("status", status).set("updatedAt", at));
    }

    /** Writes the change, then tells the watchers the document as written (none when nothing matched). */
    private void update(Query query, Update update) {
        DatabaseDocument written = mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true),
                DatabaseDocument.class);
        if (written != null) {
            changed(written);
        }
    }

    /**
     * Within an event's unit of work (always, on a tracking processor) Axon emits after the unit
     * of work commits, so a watcher never sees a state the read model does not hold yet.
     */
    private void changed(DatabaseDocument written) {
        updates.emit(WatchDatabase.class, watching(written.id(), written.ownerId()),
                new DatabaseState(written.id(), written.toView()));
    }

    private static Predicate<WatchDatabase> watching(String instanceId, String ownerId) {
        return q -> q.instanceId().equals(instanceId) && q.ownerId().equals(ownerId);
    }

    private void rotation(String id, String rotationId, Outcome outcome, String failure, Instant at) {
        update(Query.query(where("_id").is(id).and("lastRotationId").is(rotationId)),
                new Update().set("lastRotationState", outcome).set("lastRotationFailure", failure).set("updatedAt", at));
    }

    private static Query byId(String id) {
        return Query.query(where("_id").is(id));
    }

    /** Events carry the engine's key (older ones its display name); the read model shows the display name. */
    private static String displayName(String engine) {
        return Engine.resolve(engine).map(Engine::displayName).orElse(engine);
    }
}
