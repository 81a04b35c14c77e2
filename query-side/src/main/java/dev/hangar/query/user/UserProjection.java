package dev.hangar.query.user;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import dev.hangar.kernel.user.FindUserById;
import dev.hangar.kernel.user.ListUsers;
import dev.hangar.kernel.user.SessionRevoked;
import dev.hangar.kernel.user.SessionStarted;
import dev.hangar.kernel.user.UserActivated;
import dev.hangar.kernel.user.UserDeactivated;
import dev.hangar.kernel.user.UserLockedOut;
import dev.hangar.kernel.user.UserPage;
import dev.hangar.kernel.user.UserProfileUpdated;
import dev.hangar.kernel.user.UserRegistered;
import dev.hangar.kernel.user.UserRoleChanged;
import dev.hangar.kernel.user.UserView;
import java.time.Instant;
import java.util.List;
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

/** The users read model. Every handler is idempotent: a replayed suffix of events converges. */
@Component
@ProcessingGroup(UserProjection.GROUP)
// before the api's cache eviction in this group: the read model holds an event's change before the cached copy goes
@org.springframework.core.annotation.Order(0)
public class UserProjection {

    public static final String GROUP = "users-projection";

    private final MongoTemplate mongo;

    public UserProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(UserRegistered e) {
        mongo.save(new UserDocument(e.userId(), e.username(), e.email(), e.firstName(), e.lastName(), e.name(),
                e.userType(), e.role(), true, e.tenantId(), e.tenantUrl(), null, e.registeredAt(), e.registeredAt(), null, List.of()));
    }

    @EventHandler
    void on(UserProfileUpdated e) {
        update(e.userId(), e.updatedAt(), new Update().set("firstName", e.firstName()).set("lastName", e.lastName())
                .set("name", e.name()).set("email", e.email()));
    }

    @EventHandler
    void on(UserRoleChanged e) {
        update(e.userId(), e.changedAt(), new Update().set("role", e.role()));
    }

    @EventHandler
    void on(UserActivated e) {
        update(e.userId(), e.activatedAt(), new Update().set("active", true).set("lockedUntil", null));
    }

    @EventHandler
    void on(UserDeactivated e) {
        // every token issued so far ends here for good: a later activation does not revive it
        update(e.userId(), e.deactivatedAt(), new Update().set("active", false)
                .set("tokensValidAfter", e.deactivatedAt()));
    }

    @EventHandler
    void on(UserLockedOut e) {
        update(e.userId(), e.lockedAt(), new Update().set("lockedUntil", e.lockedUntil()));
    }

    /** A successful login ends a lockout in the aggregate; the view follows. */
    @EventHandler
    void on(SessionStarted e) {
        mongo.updateFirst(Query.query(where("_id").is(e.userId()).and("lockedUntil").ne(null)),
                new Update().set("lockedUntil", null), UserDocument.class);
        mongo.updateFirst(Query.query(where("_id").is(e.userId())), new Update().addToSet("sessions", e.sessionId()),
                UserDocument.class);
    }

    /** A logout, a deactivation, a reused refresh token: the session's access tokens are refused from now on. */
    @EventHandler
    void on(SessionRevoked e) {
        mongo.updateFirst(Query.query(where("_id").is(e.userId())), new Update().pull("sessions", e.sessionId()),
                UserDocument.class);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(UserDocument.class);
    }

    @QueryHandler
    public Optional<UserView> handle(FindUserById query) {
        return Optional.ofNullable(mongo.findById(query.userId(), UserDocument.class)).map(UserDocument::toView);
    }

    @QueryHandler
    public UserPage handle(ListUsers query) {
        Query page = new Query().with(Sort.by("createdAt", "id")).skip(query.offset()).limit(query.limit());
        return new UserPage(mongo.find(page, UserDocument.class).stream().map(UserDocument::toView).toList(),
                mongo.count(new Query(), UserDocument.class));
    }

    private void update(String userId, Instant at, Update update) {
        mongo.updateFirst(Query.query(where("_id").is(userId)), update.set("updatedAt", at), UserDocument.class);
    }
}
