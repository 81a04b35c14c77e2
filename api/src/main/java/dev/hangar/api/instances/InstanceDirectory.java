package dev.hangar.api.instances;

import dev.hangar.api.consistency.StateWatch;
import dev.hangar.api.config.ReadCacheConfiguration;
import dev.hangar.kernel.common.HangarException;
import dev.hangar.kernel.instance.EstimateReadyTime;
import dev.hangar.kernel.instance.FindInstance;
import dev.hangar.kernel.instance.FindInstanceByName;
import dev.hangar.kernel.instance.InstanceList;
import dev.hangar.kernel.instance.InstanceState;
import dev.hangar.kernel.instance.InstanceView;
import dev.hangar.kernel.instance.ListInstances;
import dev.hangar.kernel.instance.ReadyTimeEstimate;
import dev.hangar.kernel.instance.WatchInstance;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Component;

/** The Instances surface's one read facade, through the query bus. */
@Component
class InstanceDirectory {

    private final QueryGateway queries;
    private final Cache details;

    InstanceDirectory(QueryGateway queries, CacheManager caches) {
        this.queries = queries;
        this.details = caches.getCache(ReadCacheConfiguration.INSTANCES);
    }

    /**
     * From this node's {@code instances} cache (cleared by every instance event, after the projection:
     * {@code InstanceDetailsEviction}); an unknown id is not kept.
     */
    public Optional<InstanceView> find(String ownerId, String id) {
        return ReadCacheConfiguration.present(details, ownerId + ':' + id, () -> queries.query(
                new FindInstance(ownerId, id), ResponseTypes.optionalInstanceOf(InstanceView.class)).join().orElse(null));
    }

    /** 404 for an unknown or foreign id alike, so ids cannot be probed. */
    public InstanceView require(String ownerId, String id) {
        return find(ownerId, id).orElseThrow(() -> new HangarException(HangarException.Kind.NOT_FOUND,
                "INSTANCE_NOT_FOUND", "Instance not found"));
    }

    InstanceView requireByName(String ownerId, String name) {
        return queries.query(new FindInstanceByName(ownerId, name), ResponseTypes.optionalInstanceOf(InstanceView.class))
                .join().orElseThrow(() -> new HangarException(HangarException.Kind.NOT_FOUND, "INSTANCE_NOT_FOUND",
                        "Instance not found"));
    }

    /** The owner's instances, from this node's {@code instances} cache (cleared by every instance event). */
    @Cacheable(cacheNames = ReadCacheConfiguration.INSTANCES, key = "'list:' + #ownerId", sync = true)
    public List<InstanceView> list(String ownerId) {
        return queries.query(new ListInstances(ownerId), InstanceList.class).join().instances();
    }

    ReadyTimeEstimate readyTime(String templateId) {
        return queries.query(new EstimateReadyTime(templateId), ReadyTimeEstimate.class).join();
    }

    /** Waits until the instance reaches a state {@code done} accepts (null: gone), as a database does. */
    Optional<InstanceView> awaitState(String ownerId, String id, Predicate<InstanceView> done, Duration timeout) {
        return Optional.ofNullable(StateWatch.await(queries, new WatchInstance(ownerId, id), InstanceState.class,
                state -> done.test(state.view()), timeout, "instance").view());
    }
}
