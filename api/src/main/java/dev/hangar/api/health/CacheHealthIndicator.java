package dev.hangar.api.health;

import dev.hangar.api.config.ReadCacheConfiguration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.stereotype.Component;

/**
 * The read caches: up when every cache Hangar names is there, with its size; shown as
 * {@code services.cache} on {@code /health}.
 */
@Component("cacheHealthIndicator")
class CacheHealthIndicator extends AbstractHealthIndicator {

    private final CacheManager caches;

    CacheHealthIndicator(CacheManager caches) {
        super("Cache health check failed");
        this.caches = caches;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<String> missing = new ArrayList<>();
        long entries = 0;
        for (String name : ReadCacheConfiguration.ALL) {
            Cache cache = caches.getCache(name);
            if (!(cache instanceof CaffeineCache caffeine)) {
                missing.add(name);
                continue;
            }
            entries += caffeine.getNativeCache().estimatedSize();
        }
        (missing.isEmpty() ? builder.up() : builder.down().withDetail("missing", missing))
                .withDetail("caches", ReadCacheConfiguration.ALL.size() - missing.size())
                .withDetail("entries", entries);
    }
}
