package dev.hangar.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.hangar.api.config.ReadCacheConfiguration;
import dev.hangar.api.support.HangarClient;
import dev.hangar.api.support.HangarClient.Response;
import dev.hangar.api.support.HangarClient.User;
import dev.hangar.api.support.HangarHttpTest;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCache;

/**
 * Reads are served from the per-node cache of the user's state, and a role change or a
 * deactivation still holds from the very next request, while other requests keep the cache warm.
 */
@HangarHttpTest
class UserCacheHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    CacheManager caches;

    @Test
    void cachedReadsAndImmediateRoleChangeAndDeactivationHoldAtOnce() throws Exception {
        HangarClient client = new HangarClient(port);
        User admin = client.admin();
        User user = client.newPlatformUser();
        CaffeineCache users = (CaffeineCache) caches.getCache(ReadCacheConfiguration.USERS);

        assertThat(client.get("/api/v1/users/me", user.token()).status()).isEqualTo(200);
        CacheStats before = users.getNativeCache().stats();
        for (int i = 0; i < 20; i++) {
            assertThat(client.get("/api/v1/users/me", user.token()).text("role")).isEqualTo("user");
        }
        CacheStats after = users.getNativeCache().stats();
        // the user's own registration and login events may still be arriving at the projection and
        // evict the entry once or twice; the rest are answered from the cache
        assertThat(after.hitCount() - before.hitCount()).as("reads answered from the cache").isGreaterThanOrEqualTo(15);
        assertThat(users.getNativeCache().getIfPresent(user.id())).isNotNull();

        // another client keeps reading (and re-filling the cache) while the admin changes the user
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong background = new AtomicLong();
        Thread reader = new Thread(() -> {
            HangarClient other = new HangarClient(port);
            while (!stop.get()) {
                other.get("/api/v1/users/me", user.token());
                background.incrementAndGet();
            }
        });
        reader.start();
        try {
            Response changed = client.put("/api/v1/admin/users/" + user.id() + "/role", Map.of("role", "admin"),
                    admin.token());
            assertThat(changed.status()).isEqualTo(200);
            assertThat(client.get("/api/v1/users/me", user.token()).text("role")).isEqualTo("admin");
            assertThat(client.get("/api/v1/admin/users", user.token()).status()).isEqualTo(200);

            client.put("/api/v1/admin/users/" + user.id() + "/role", Map.of("role", "user"), admin.token());
            assertThat(client.get("/api/v1/admin/users", user.token()).status()).isEqualTo(403);

            Response deactivated = client.put("/api/v1/admin/users/" + user.id() + "/deactivate", null, admin.token());
            assertThat(deactivated.status()).isEqualTo(200);
            Response refused = client.get("/api/v1/users/me", user.token());
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.text("error")).isEqualTo("Account is inactive");
            for (int i = 0; i < 10; i++) {
                assertThat(client.get("/api/v1/users/me", user.token()).status()).isEqualTo(401);
            }

            assertThat(client.put("/api/v1/admin/users/" + user.id() + "/activate", null, admin.token()).status())
                    .isEqualTo(200);
            // the deactivation ended the token's session: activation opens none again
            assertThat(client.get("/api/v1/users/me", user.token()).status()).isEqualTo(401);
            User back = client.logIn(user.username(), user.password());
            assertThat(client.get("/api/v1/users/me", back.token()).status()).isEqualTo(200);
        } finally {
            stop.set(true);
            reader.join();
        }
        assertThat(background.get()).isPositive();
        // the refusals after the deactivation were served from the cache too (inactive state cached)
        assertThat(users.getNativeCache().stats().hitCount()).isGreaterThan(after.hitCount() + 10);
    }
}
