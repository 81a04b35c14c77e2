package dev.hangar.query.workspace;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import dev.hangar.kernel.workspace.ConnectedInstanceList;
import dev.hangar.kernel.workspace.ConnectedInstanceModified;
import dev.hangar.kernel.workspace.ConnectedInstanceProbed;
import dev.hangar.kernel.workspace.ConnectedInstanceRemoved;
import dev.hangar.kernel.workspace.ConnectedInstanceView;
import dev.hangar.kernel.workspace.FindConnectedInstance;
import dev.hangar.kernel.workspace.InstanceConnected;
import dev.hangar.kernel.workspace.InstanceDisconnected;
import dev.hangar.kernel.workspace.InstanceHealth;
import dev.hangar.kernel.workspace.ListConnectedInstances;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The connected instances of every workspace, scoped by tenant and workspace at every query. */
@Component
@ProcessingGroup(ConnectedInstanceProjection.GROUP)
public class ConnectedInstanceProjection {

    public static final String GROUP = "connected-instances-projection";

    private final MongoTemplate mongo;

    public ConnectedInstanceProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(InstanceConnected e) {
        mongo.save(new ConnectedInstanceDocument(e.instanceId(), e.tenantId(), e.workspaceName(), e.ownerId(),
                e.profile().name(), e.profile(), e.connection(), InstanceHealth.PENDING, null, null, e.connectedAt(),
                e.connectedAt()));
    }

    @EventHandler
    void on(ConnectedInstanceModified e) {
        Update update = new Update().set("name", e.profile().name()).set("profile", e.profile())
                .set("connection", e.connection()).set("updated", e.modifiedAt());
        if (e.reprobe()) {
            update.set("status", InstanceHealth.PENDING).set("version", null).set("statusMessage", null);
        }
        mongo.updateFirst(byId(e.instanceId()), update, ConnectedInstanceDocument.class);
    }

    /** Only a probe of the revision the document shows; a redelivered older one changes nothing. */
    @EventHandler
    void on(ConnectedInstanceProbed e) {
        mongo.updateFirst(Query.query(where("_id").is(e.instanceId()).and("connection.revision").is(e.revision())),
                new Update().set("status", e.status()).set("version", e.version())
                        .set("statusMessage", e.message()).set("updated", e.probedAt()),
                ConnectedInstanceDocument.class);
    }

    @EventHandler
    void on(InstanceDisconnected e) {
        mongo.updateFirst(byId(e.instanceId()), new Update().set("status", InstanceHealth.DISCONNECTED)
                .set("statusMessage", "Disconnected").set("profile.enabled", false).set("updated", e.disconnectedAt()),
                ConnectedInstanceDocument.class);
    }

    @EventHandler
    void on(ConnectedInstanceRemoved e) {
        mongo.remove(byId(e.instanceId()), ConnectedInstanceDocument.class);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(ConnectedInstanceDocument.class);
    }

    @QueryHandler
    public Optional<ConnectedInstanceView> handle(FindConnectedInstance query) {
        return Optional.ofNullable(mongo.findOne(Query.query(where("tenantId").is(query.tenantId())
                .and("workspaceName").is(query.workspaceName()).and("name").is(query.name())),
                ConnectedInstanceDocument.class)).map(ConnectedInstanceDocument::toView);
    }

    @QueryHandler
    public ConnectedInstanceList handle(ListConnectedInstances query) {
        return new ConnectedInstanceList(mongo.find(Query.query(where("tenantId").is(query.tenantId())
                        .and("workspaceName").is(query.workspaceName())).with(Sort.by("created", "_id")),
                ConnectedInstanceDocument.class).stream().map(ConnectedInstanceDocument::toView).toList());
    }

    private static Query byId(String id) {
        return Query.query(where("_id").is(id));
    }
}
