package dev.hangar.api.config;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Per-node caches of read-model answers that requests would otherwise ask the read store for
 * (Caffeine through Spring's cache abstraction, statistics recorded: {@code GET /api/cache/stats}
 * reads them from each cache, {@code /actuator/prometheus} shows them as
 * {@code cache_gets_total{cache="users",result="hit"}} and the like). One cache manager holds them
 * all, so every cache is seen, cleared and measured in one place:
 * <ul>
 * <li>{@link #USERS}: each user's state, read by the authentication filter on every request;
 *     evicted by the user's own events ({@code UserCacheEviction});</li>
 * <li>{@link #DATABASES}: each owner's database list; cleared by every database event
 *     ({@link DatabaseListEviction});</li>
 * <li>{@link #PRODUCTS} and {@link #TEMPLATES}: the catalogs (what can be provisioned, and on which
 *     terms): configuration, not events, so they only expire. {@code products} holds the plan
 *     catalog, {@code templates} the service templates (seed 002);</li>
 * <li>{@link #INSTANCES}: compute instances' details ({@code GET /api/instances/{id}} and every
 *     look-up by id), cleared by every instance event ({@link InstanceDetailsEviction});</li>
 * </ul>
 * The event-evicted caches are evicted by handlers of the projection's own processing group,
 * ordered after the projection, so read-your-writes and immediacy hold as without the cache. Every
 * load goes through {@code Cache.get(key, loader)} ({@code @Cacheable(sync = true)} or {@link #present}):
 * {@link ClearSafeCaffeineCache} then drops a load that raced a clear of the whole cache. Their
 * bounded lifetime only limits how long a change could go unseen on a node whose projections run
 * elsewhere.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
public class ReadCacheConfiguration {

    public static final String USERS = "users";
    public static final String DATABASES = "databases";
    public static final String PRODUCTS = "products";
    public static final String TEMPLATES = "templates";
    public static final String INSTANCES = "instances";

    /** Every cache this node keeps, in the order the statistics list them. */
    public static final List<String> ALL = List.of(INSTANCES, PRODUCTS, TEMPLATES, USERS, DATABASES);

    /** How long an entry of an event-evicted cache lives at most. */
    static final Duration EVICTED_BY_EVENTS_TTL = Duration.ofSeconds(30);
    /** How long a catalog entry lives: catalogs change with the configuration or the host, not with events. */
    static final Duration CATALOG_TTL = Duration.ofMinutes(5);

    /**
     * The cached value for {@code key}, loaded if missing; what the loader does not find is not kept, so
     * the next look-up asks again. {@code Cache.get(key, loader)} is Caffeine's atomic compute: an
     * eviction that races a load waits for it and then removes what it loaded, so a view read before an
     * event is never kept after it.
     */
    public static <T> Optional<T> present(Cache cache, Object key, Callable<T> loader) {
        T value = cache.get(key, loader);
        if (value == null) {
            cache.evict(key);
        }
        return Optional.ofNullable(value);
    }

    @Bean
    public CacheManager cacheManager() {
        CaffeineCacheManager manager = new CaffeineCacheManager() {
            @Override
            protected Cache adaptCaffeineCache(String name, com.github.benmanes.caffeine.cache.Cache<Object, Object> cache) {
                return new ClearSafeCaffeineCache(name, cache, isAllowNullValues());
            }
        };
        manager.setAllowNullValues(true);
        for (String name : ALL) {
            boolean catalog = name.equals(PRODUCTS) || name.equals(TEMPLATES);
            manager.registerCustomCache(name, Caffeine.newBuilder()
                    .maximumSize(catalog ? 1_000 : 10_000)
                    .expireAfterWrite(catalog ? CATALOG_TTL : EVICTED_BY_EVENTS_TTL)
                    .recordStats()
                    .build());
        }
        // no caches made up on demand: a name not in ALL is a mistake, and GET /api/cache/stats lists ALL
        manager.setCacheNames(List.of());
        return manager;
    }
}
