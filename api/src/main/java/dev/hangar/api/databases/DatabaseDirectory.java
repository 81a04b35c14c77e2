package dev.hangar.api.databases;

import dev.hangar.api.consistency.StateWatch;
import dev.hangar.api.security.UserDirectory;
import dev.hangar.kernel.common.HangarException;
import dev.hangar.kernel.database.DatabaseState;
import dev.hangar.kernel.database.DatabaseStatus;
import dev.hangar.kernel.database.DatabaseView;
import dev.hangar.kernel.database.EngineList;
import dev.hangar.kernel.database.EngineView;
import dev.hangar.kernel.database.FindDatabase;
import dev.hangar.kernel.database.ListEngines;
import dev.hangar.kernel.database.WatchDatabase;
import dev.hangar.kernel.database.DatabaseList;
import dev.hangar.kernel.database.ListDatabases;
import dev.hangar.kernel.subscription.FindSubscriptionByUser;
import dev.hangar.kernel.subscription.SubscriptionView;
import dev.hangar.kernel.user.UserView;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import dev.hangar.kernel.subscription.Plan;
import dev.hangar.api.config.ReadCacheConfiguration;
import org.springframework.cache.annotation.Cacheable;
import java.util.Optional;
import java.util.function.Predicate;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * The Databases surface's one read facade: its databases, the engine catalog and the caller's
 * subscription, through the query bus. Controllers read nothing else.
 */
@Component
class DatabaseDirectory {

    private final QueryGateway queries;
    private final UserDirectory users;

    DatabaseDirectory(QueryGateway queries, UserDirectory users) {
        this.queries = queries;
        this.users = users;
    }

    /** A user just written by this request (registration): waited for if not projected yet. */
    UserView user(String userId) {
        return users.find(userId).orElseThrow();
    }

    Optional<DatabaseView> find(String ownerId, String id) {
        return queries.query(new FindDatabase(ownerId, id), ResponseTypes.optionalInstanceOf(DatabaseView.class)).join();
    }

    /** 404 for an unknown or foreign id alike, so ids cannot be probed. */
    DatabaseView require(String ownerId, String id) {
        return find(ownerId, id).orElseThrow(() -> HangarException.notFound("INSTANCE_NOT_FOUND", "Instance not found"));
    }

    /** The owner's databases, from this node's cache (cleared by every database event, after the projection). */
    @Cacheable(cacheNames = ReadCacheConfiguration.DATABASES, sync = true)
    public List<DatabaseView> list(String ownerId) {
        return queries.query(new ListDatabases(ownerId), DatabaseList.class).join().databases();
    }

    /** The plan catalog (seed 003's plans), from this node's catalog cache. */
    @Cacheable(cacheNames = ReadCacheConfiguration.PRODUCTS, key = "'plans'")
    public List<DatabasesDtos.PlanEntry> plans() {
        return Arrays.stream(Plan.values()).map(DatabasesDtos.PlanEntry::of).toList();
    }

    SubscriptionView subscription(String userId) {
        return queries.query(new FindSubscriptionByUser(userId), SubscriptionView.class).join();
    }

    EngineList engines() {
        return queries.query(new ListEngines(), EngineList.class).join();
    }

    EngineView engine(String name) {
        return engines().engines().stream().filter(e -> e.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> HangarException.validation("Unknown engine " + name));
    }

    /** Waits until the database reaches a state {@code done} accepts (or is gone, when it accepts null). */
    Optional<DatabaseView> awaitState(String ownerId, String id, Predicate<DatabaseView> done, Duration timeout) {
        return StateWatch.await(queries, new WatchDatabase(ownerId, id), DatabaseState.class,
                state -> done.test(state.view()), timeout, "container").current();
    }

    /** For use once the request's own event is projected, so the view shows {@code transitional} first. */
    static Predicate<DatabaseView> settledFrom(DatabaseStatus transitional) {
        return v -> v != null && v.status() != transitional;
    }
}
