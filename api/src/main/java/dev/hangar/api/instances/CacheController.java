package dev.hangar.api.instances;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.hangar.api.config.ReadCacheConfiguration;
import dev.hangar.kernel.common.HangarException;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed 004's cache management (admin only, see {@link InstancesSurface}): the statistics each
 * cache keeps itself (Caffeine's, recorded for every cache of {@link ReadCacheConfiguration}), and
 * clearing one cache or all of them.
 */
@RestController
@RequestMapping("/api/cache")
@Tag(name = "Instances: cache")
class CacheController {

    private final CacheManager caches;

    CacheController(CacheManager caches) {
        this.caches = caches;
    }

    /** One cache's figures: entries now, and look-ups since start-up (a clear empties it, the counts go on). */
    record Figures(long size, double hitRatio, long hits, long misses, long evictions) {

        static Figures of(CaffeineCache cache) {
            com.github.benmanes.caffeine.cache.Cache<Object, Object> caffeine = cache.getNativeCache();
            caffeine.cleanUp();
            CacheStats stats = caffeine.stats();
            return new Figures(caffeine.estimatedSize(), ratio(stats.hitCount(), stats.requestCount()),
                    stats.hitCount(), stats.missCount(), stats.evictionCount());
        }

        Map<String, Object> brief() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("size", size);
            out.put("hitRatio", hitRatio);
            return out;
        }
    }

    @GetMapping("/stats")
    Map<String, Object> stats() {
        Map<String, Figures> figures = new LinkedHashMap<>();
        for (String name : ReadCacheConfiguration.ALL) {
            if (caches.getCache(name) instanceof CaffeineCache cache) {
                figures.put(name, Figures.of(cache));
            }
        }
        long entries = figures.values().stream().mapToLong(Figures::size).sum();
        long hits = figures.values().stream().mapToLong(Figures::hits).sum();
        long misses = figures.values().stream().mapToLong(Figures::misses).sum();

        Map<String, Object> manager = new LinkedHashMap<>();
        manager.put("cacheNames", figures.keySet());
        manager.put("stats", figures);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("totalCaches", figures.size());
        summary.put("totalEntries", entries);
        summary.put("totalHits", hits);
        summary.put("totalMisses", misses);
        summary.put("overallHitRatio", ratio(hits, hits + misses));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("timestamp", Instant.now().toString());
        body.put("cacheManager", manager);
        // seed 004's per-service view: which cache serves which part
        body.put("services", Map.of(
                "instance", Map.of("instanceDetailsCache", figures.get(ReadCacheConfiguration.INSTANCES).brief()),
                "catalog", Map.of("productsCache", figures.get(ReadCacheConfiguration.PRODUCTS).brief(),
                        "templatesCache", figures.get(ReadCacheConfiguration.TEMPLATES).brief()),
                "user", Map.of("userCache", figures.get(ReadCacheConfiguration.USERS).brief()),
                "database", Map.of("databaseListCache", figures.get(ReadCacheConfiguration.DATABASES).brief())));
        body.put("summary", summary);
        return body;
    }

    /** Body optional: {@code {"cacheName": "instances"}} clears that cache, no name clears all. */
    @PostMapping("/clear")
    Map<String, Object> clear(@RequestBody(required = false) JsonNode body) {
        JsonNode name = body == null || body.isNull() ? null : body.get("cacheName");
        if (body != null && !body.isNull() && !body.isObject()) {
            throw HangarException.validation("The body must be a JSON object: {\"cacheName\": \"<name>\"}, or empty");
        }
        String message;
        if (name == null || name.isNull()) {
            ReadCacheConfiguration.ALL.forEach(n -> caches.getCache(n).clear());
            message = "All caches cleared successfully";
        } else {
            if (!name.isTextual() || name.asText().isBlank()) {
                throw HangarException.validation("cacheName must be the name of a cache, one of " + ReadCacheConfiguration.ALL);
            }
            Cache cache = ReadCacheConfiguration.ALL.contains(name.asText()) ? caches.getCache(name.asText()) : null;
            if (cache == null) {
                throw HangarException.notFound("CACHE_NOT_FOUND", "Cache '" + name.asText() + "' not found");
            }
            cache.clear();
            message = "Cache '" + name.asText() + "' cleared successfully";
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("message", message);
        out.put("timestamp", Instant.now().toString());
        return out;
    }

    /** Hits over look-ups, rounded to two places; 0 before the first look-up. */
    static double ratio(long hits, long requests) {
        return requests == 0 ? 0 : Math.round(100.0 * hits / requests) / 100.0;
    }
}
