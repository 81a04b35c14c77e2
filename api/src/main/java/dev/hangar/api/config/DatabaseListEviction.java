package dev.hangar.api.config;

import dev.hangar.kernel.workload.WorkloadEvent;
import dev.hangar.query.database.DatabaseProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Clears the cached database lists on every database event (each implements {@link WorkloadEvent}),
 * in the database projection's processing group and after it: the read model already holds the
 * change, and the token read-your-writes waits for moves on only after both.
 */
@Component
@ProcessingGroup(DatabaseProjection.GROUP)
@Order(Ordered.LOWEST_PRECEDENCE)
class DatabaseListEviction {

    private final Cache lists;

    DatabaseListEviction(CacheManager caches) {
        this.lists = caches.getCache(ReadCacheConfiguration.DATABASES);
    }

    @EventHandler
    void on(WorkloadEvent e) {
        lists.clear();
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().onCleanup(u -> lists.clear());
        }
    }
}
