package dev.hangar.api.security;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The per-node cache of users' state (Caffeine, stats recorded: {@code /actuator/prometheus}
 * {@code cache_gets_total{cache="users"}}). Entries are evicted by the user's own events
 * ({@link UserCacheEviction}); the bounded lifetime only limits how long another node's change
 * could go unseen where the user projection runs on that other node.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
public class UserCacheConfiguration {

    public static final String USERS = "users";

    @Bean
    public CacheManager cacheManager() {
        CaffeineCacheManager manager = new CaffeineCacheManager(USERS);
        manager.setCaffeine(Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(30)).recordStats());
        manager.setAllowNullValues(true);
        return manager;
    }
}
