package dev.hangar.api.config;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.cache.caffeine.CaffeineCache;

/**
 * A Caffeine cache whose {@link #clear()} also drops what a load under way at that moment brings back.
 * Caffeine's {@code invalidateAll} passes over an entry still being computed, so a read of the read
 * model made just before an event would otherwise be kept after the event cleared the cache, until
 * its time ran out. Loads must go through {@link #get(Object, Callable)} ({@code @Cacheable(sync = true)}).
 */
final class ClearSafeCaffeineCache extends CaffeineCache {

    private final AtomicLong clears = new AtomicLong();

    ClearSafeCaffeineCache(String name, com.github.benmanes.caffeine.cache.Cache<Object, Object> cache,
            boolean allowNullValues) {
        super(name, cache, allowNullValues);
    }

    @Override
    public <T> T get(Object key, Callable<T> valueLoader) {
        long before = clears.get();
        T value = super.get(key, valueLoader);
        if (clears.get() != before) {
            // a clear raced this look-up: what it loaded may predate the event (evict waits for the load)
            super.evict(key);
        }
        return value;
    }

    @Override
    public void clear() {
        clears.incrementAndGet();
        super.clear();
    }

    @Override
    public boolean invalidate() {
        clears.incrementAndGet();
        return super.invalidate();
    }
}
