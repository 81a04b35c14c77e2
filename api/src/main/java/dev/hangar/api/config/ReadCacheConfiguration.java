package dev.hangar.api.config;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Per-node caches of read-model answers that every authenticated request would otherwise ask the
 * read store for (Caffeine through Spring's cache abstraction, stats recorded:
 * {@code /actuator/prometheus} {@code cache_gets_total{cache="users"}}):
 * <ul>
 * <li>{@link #USERS}: each user's state, read by the authentication filter; evicted by the user's
 *     own events ({@code UserCacheEviction});</li>
 * <li>{@link #DATABASES}: each owner's database list; cleared by every database event
 *     ({@link DatabaseListEviction}).</li>
 * </ul>
 * Both are evicted by handlers of the projection's own processing group, ordered after the
 * projection, so read-your-writes and immediacy hold as without the cache. The bounded lifetime
 * only limits how long a change could go unseen on a node whose projections run elsewhere.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
public class ReadCacheConfiguration {

    public static final String USERS = "users";
    public static final String DATABASES = "databases";

    @Bean
    public CacheManager cacheManager() {
        CaffeineCacheManager manager = new CaffeineCacheManager(USERS, DATABASES);
        manager.setCaffeine(Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(30)).recordStats());
        manager.setAllowNullValues(true);
        return manager;
    }
}
