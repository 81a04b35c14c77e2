package dev.hangar.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.cache.Cache;

class ReadCacheConfigurationTest {

    final ExecutorService reader = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        reader.shutdownNow();
    }

    @Test
    void aLoadUnderWayWhenAnEventClearsTheCacheIsNotKept() throws Exception {
        Cache lists = new ReadCacheConfiguration().cacheManager().getCache(ReadCacheConfiguration.DATABASES);
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch cleared = new CountDownLatch(1);
        Future<String> read = reader.submit(() -> lists.get("owner-1", () -> {
            loading.countDown();
            cleared.await();
            return "read before the event";
        }));
        assertThat(loading.await(30, TimeUnit.SECONDS)).isTrue();
        lists.clear(); // the event's eviction, while the read is still loading
        cleared.countDown();

        assertThat(read.get(30, TimeUnit.SECONDS)).isEqualTo("read before the event");
        assertThat(lists.get("owner-1")).as("the read that predates the event is not served after it").isNull();

        assertThat(lists.get("owner-1", () -> "read after the event")).isEqualTo("read after the event");
        assertThat(lists.get("owner-1", () -> "not asked")).as("a load no clear raced is kept").isEqualTo("read after the event");
    }

    @Test
    void everyReadCacheIsClearSafe() {
        var caches = new ReadCacheConfiguration().cacheManager();
        assertThat(ReadCacheConfiguration.ALL).allSatisfy(name ->
                assertThat(caches.getCache(name)).isInstanceOf(ClearSafeCaffeineCache.class));
    }
}
