package dev.hangar.api.config;

import dev.hangar.kernel.instance.InstanceView;
import dev.hangar.query.compute.InstanceProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Clears the cached instance details on every compute instance event (the kernel's
 * {@code dev.hangar.kernel.instance} package), in the instance projection's processing group and after
 * it: the read model already holds the change, and read-your-writes waits for the group's token.
 */
@Component
@ProcessingGroup(InstanceProjection.GROUP)
@Order(Ordered.LOWEST_PRECEDENCE)
class InstanceDetailsEviction {

    private static final String INSTANCE_EVENTS = InstanceView.class.getPackageName();

    private final Cache details;

    InstanceDetailsEviction(CacheManager caches) {
        this.details = caches.getCache(ReadCacheConfiguration.INSTANCES);
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        if (!message.getPayloadType().getPackageName().equals(INSTANCE_EVENTS)) {
            return;
        }
        details.clear();
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().onCleanup(u -> details.clear());
        }
    }
}
