package dev.hangar.api.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hangar.api.support.HangarClient;
import dev.hangar.api.support.HangarClient.Response;
import dev.hangar.api.support.HangarClient.User;
import dev.hangar.api.support.HangarHttpTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Seed 004's cache and metrics endpoints (admin only), from the caches' own statistics and
 * Micrometer's registry; and /health's jobQueue, cache and migrationService.
 */
@HangarHttpTest
class CacheAndMetricsHttpTest {

    private static final List<String> ADMIN_ONLY = List.of("/api/cache/stats", "/api/metrics", "/api/metrics/summary");

    @LocalServerPort
    int port;

    @Test
    void onlyAnAdminSeesOrClearsTheCachesAndMetrics() {
        HangarClient client = new HangarClient(port);
        User user = client.newPlatformUser();
        List<Response> refused = new ArrayList<>();
        ADMIN_ONLY.forEach(path -> refused.add(client.get(path, user.token())));
        refused.add(client.post("/api/cache/clear", Map.of("cacheName", "users"), user.token()));
        for (Response response : refused) {
            assertThat(response.status()).as(response.raw()).isEqualTo(403);
            // the Instances surface's error body
            assertThat(response.body().path("error").path("code").asText()).isEqualTo("FORBIDDEN");
            assertThat(response.body().path("error").has("requestId")).isTrue();
        }
        for (String path : ADMIN_ONLY) {
            Response anonymous = client.get(path);
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.body().path("error").path("code").isTextual()).isTrue();
        }
    }

    @Test
    void statsFollowTheCachesAndAClearEmptiesThem() {
        HangarClient client = new HangarClient(port);
        User admin = client.admin();
        User user = client.newPlatformUser();

        assertThat(client.get("/api/plans", user.token()).status()).isEqualTo(200);
        assertThat(client.get("/api/plans", user.token()).status()).isEqualTo(200);
        assertThat(client.get("/api/databases", user.token()).status()).isEqualTo(200);
        long templateHits = stats(client, admin).path("cacheManager").path("stats").path("templates").path("hits").asLong();
        assertThat(client.get("/api/v1/templates", user.token()).status()).isEqualTo(200);
        assertThat(client.get("/api/v1/templates", user.token()).status()).isEqualTo(200);

        // any database event (another test's saga here) empties the list cache: fill it again until the figures show it
        JsonNode stats = await().atMost(Duration.ofSeconds(30)).until(() -> {
            client.get("/api/databases", user.token());
            return stats(client, admin);
        }, s -> s.path("cacheManager").path("stats").path("databases").path("size").asLong() > 0);
        assertThat(stats.path("cacheManager").path("stats").path("templates").path("hits").asLong())
                .as("the second look at the service templates is answered from the catalog cache")
                .isGreaterThan(templateHits);
        assertThat(stats.path("timestamp").isTextual()).isTrue();
        List<String> names = new ArrayList<>();
        stats.path("cacheManager").path("cacheNames").forEach(n -> names.add(n.asText()));
        assertThat(names).contains("instances", "products", "templates", "users", "databases");
        JsonNode products = stats.path("cacheManager").path("stats").path("products");
        assertThat(products.path("size").asLong()).isEqualTo(1);
        assertThat(products.path("hits").asLong()).isPositive();
        assertThat(products.path("hitRatio").asDouble()).isBetween(0.0, 1.0);
        JsonNode users = stats.path("cacheManager").path("stats").path("users");
        assertThat(users.path("size").asLong()).isPositive();
        assertThat(users.path("hits").asLong()).isPositive();
        assertThat(stats.path("services").path("instance").path("instanceDetailsCache").has("size")).isTrue();
        assertThat(stats.path("services").path("instance").path("instanceDetailsCache").has("hitRatio")).isTrue();
        JsonNode summary = stats.path("summary");
        assertThat(summary.path("totalCaches").asInt()).isEqualTo(names.size());
        long entries = 0;
        long hits = 0;
        for (String name : names) {
            entries += stats.path("cacheManager").path("stats").path(name).path("size").asLong();
            hits += stats.path("cacheManager").path("stats").path(name).path("hits").asLong();
        }
        assertThat(summary.path("totalEntries").asLong()).isEqualTo(entries);
        assertThat(summary.path("totalHits").asLong()).isEqualTo(hits);
        assertThat(summary.path("overallHitRatio").asDouble()).isBetween(0.0, 1.0);

        // one cache: emptied, and the next read is a miss that fills it again
        Response cleared = client.post("/api/cache/clear", Map.of("cacheName", "products"), admin.token());
        assertThat(cleared.status()).as(cleared.raw()).isEqualTo(200);
        assertThat(cleared.text("message")).isEqualTo("Cache 'products' cleared successfully");
        assertThat(cleared.body().path("timestamp").isTextual()).isTrue();
        JsonNode afterClear = stats(client, admin).path("cacheManager").path("stats").path("products");
        assertThat(afterClear.path("size").asLong()).isZero();
        assertThat(client.get("/api/plans", user.token()).status()).isEqualTo(200);
        JsonNode refilled = stats(client, admin).path("cacheManager").path("stats").path("products");
        assertThat(refilled.path("size").asLong()).isEqualTo(1);
        assertThat(refilled.path("misses").asLong()).isEqualTo(afterClear.path("misses").asLong() + 1);

        // all of them (no body at all): what only requests fill stays empty; the admin's own
        // request to read the statistics puts the admin back into the user cache
        Response all = client.post("/api/cache/clear", null, admin.token());
        assertThat(all.status()).as(all.raw()).isEqualTo(200);
        assertThat(all.text("message")).isEqualTo("All caches cleared successfully");
        JsonNode emptied = stats(client, admin).path("cacheManager").path("stats");
        assertThat(emptied.path("products").path("size").asLong()).isZero();
        assertThat(emptied.path("databases").path("size").asLong()).isZero();
        assertThat(emptied.path("users").path("size").asLong()).isLessThanOrEqualTo(1);
        // and the cleared user cache still answers: the user's next request reads the read model
        assertThat(client.get("/api/v1/users/me", user.token()).text("id")).isEqualTo(user.id());
        assertThat(client.post("/api/cache/clear", Map.of(), admin.token()).text("message"))
                .isEqualTo("All caches cleared successfully");
    }

    @Test
    void anUnknownCacheIsNotFoundAndABadNameIsRefused() {
        HangarClient client = new HangarClient(port);
        User admin = client.admin();
        Response unknown = client.post("/api/cache/clear", Map.of("cacheName", "nosuchcache"), admin.token());
        assertThat(unknown.status()).as(unknown.raw()).isEqualTo(404);
        assertThat(unknown.body().path("error").path("code").asText()).isEqualTo("CACHE_NOT_FOUND");
        assertThat(unknown.body().path("error").path("message").asText()).contains("nosuchcache");
        for (Object bad : List.of(Map.of("cacheName", 5), Map.of("cacheName", ""), "[\"users\"]", "{\"cacheName\":")) {
            Response refused = client.post("/api/cache/clear", bad, admin.token());
            assertThat(refused.status()).as(bad + " -> " + refused.raw()).isEqualTo(400);
            assertThat(refused.body().path("error").path("code").isTextual()).isTrue();
        }
    }

    @Test
    void metricsMoveWithTheRequestsAndAgreeWithPrometheus() {
        HangarClient client = new HangarClient(port);
        User admin = client.admin();
        User user = client.newPlatformUser();

        JsonNode before = metrics(client, admin, "/api/metrics");
        assertThat(before.path("status").asText()).isEqualTo("success");
        JsonNode data = before.path("data");
        long total = data.path("requests").path("total").path("count").asLong();
        long ok = data.path("requests").path("byStatus").path("2xx").asLong();
        long clientErrors = data.path("requests").path("byStatus").path("4xx").asLong();

        for (int i = 0; i < 5; i++) {
            assertThat(client.get("/api/plans", user.token()).status()).isEqualTo(200);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(client.get("/api/plans", "not-a-token").status()).isEqualTo(401);
        }

        JsonNode after = metrics(client, admin, "/api/metrics").path("data");
        // + the five reads, the three refusals, the first metrics request
        assertThat(after.path("requests").path("total").path("count").asLong()).isGreaterThanOrEqualTo(total + 9);
        assertThat(after.path("requests").path("byStatus").path("2xx").asLong()).isGreaterThanOrEqualTo(ok + 6);
        assertThat(after.path("requests").path("byStatus").path("4xx").asLong()).isGreaterThanOrEqualTo(clientErrors + 3);
        assertThat(after.path("requests").path("byStatus").has("5xx")).isTrue();
        assertThat(after.path("requests").path("total").path("rate").asDouble()).isPositive();
        JsonNode jobs = after.path("jobs");
        assertThat(jobs.path("byType").has("saga_step")).isTrue();
        assertThat(jobs.path("byType").has("deadline")).isTrue();
        assertThat(jobs.path("total").path("processed").asLong()).isEqualTo(
                jobs.path("byType").path("saga_step").asLong() + jobs.path("byType").path("deadline").asLong());
        assertThat(jobs.path("total").has("rate")).isTrue();
        JsonNode memory = after.path("system").path("memory");
        assertThat(memory.path("heapUsed").asLong()).isPositive();
        assertThat(memory.path("heapTotal").asLong()).isGreaterThanOrEqualTo(memory.path("heapUsed").asLong());
        assertThat(memory.path("external").asLong()).isPositive();
        assertThat(memory.path("rss").asLong()).isGreaterThan(memory.path("heapUsed").asLong() / 2);
        assertThat(after.path("system").path("cpu").path("loadAverage").size()).isEqualTo(3);
        assertThat(after.path("system").path("cpu").path("usage").asDouble()).isBetween(0.0, 100.0 * Runtime.getRuntime().availableProcessors());
        assertThat(after.path("system").path("uptime").asLong()).isGreaterThanOrEqualTo(data.path("system").path("uptime").asLong());
        assertThat(after.path("cache").path("hitRatio").asDouble()).isBetween(0.0, 1.0).isPositive();
        assertThat(after.path("cache").path("totalSize").asLong()).isPositive();

        JsonNode summary = metrics(client, admin, "/api/metrics/summary").path("data");
        assertThat(summary.path("performance").path("requestsPerMinute").asDouble()).isPositive();
        assertThat(summary.path("performance").path("averageResponseTimeMs").asDouble()).isPositive();
        assertThat(summary.path("performance").path("errorRatePercent").asDouble()).isBetween(0.0, 100.0);
        assertThat(summary.path("jobs").has("processingRatePerMinute")).isTrue();
        assertThat(summary.path("system").path("memoryUsageMB").asLong()).isPositive();
        assertThat(summary.path("system").has("cpuUsagePercent")).isTrue();
        assertThat(summary.path("system").path("uptimeSeconds").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(summary.path("cache").path("hitRatePercent").asLong()).isBetween(1L, 100L);
        assertThat(summary.path("cache").path("totalSize").asLong()).isPositive();

        // the same meters as /actuator/prometheus: the products cache's hits lie between two readings of them
        long hitsBefore = stats(client, admin).path("cacheManager").path("stats").path("products").path("hits").asLong();
        String prometheus = client.get("/actuator/prometheus").raw();
        long hitsAfter = stats(client, admin).path("cacheManager").path("stats").path("products").path("hits").asLong();
        assertThat((long) prometheusValue(prometheus, "cache_gets_total", "cache=\"products\"", "result=\"hit\""))
                .isBetween(hitsBefore, hitsAfter);
        assertThat(prometheus).contains("hangar_jobs_processed_total{", "type=\"saga_step\"", "type=\"deadline\"",
                "process_memory_rss_bytes", "http_server_requests_seconds_count");
        assertThat(prometheusValue(prometheus, "process_memory_rss_bytes")).isPositive();
    }

    @Test
    void healthReportsTheJobQueueTheCacheAndTheMigrations() {
        HangarClient client = new HangarClient(port);
        Response health = client.get("/health");
        assertThat(health.status()).isEqualTo(200);
        JsonNode services = health.body().path("services");
        assertThat(services.path("jobQueue").asText()).isEqualTo("up");
        assertThat(services.path("cache").asText()).isEqualTo("up");
        assertThat(services.path("migrationService").asText()).isEqualTo("up");
        // the checks behind them, as Actuator shows them to an admin
        User admin = client.admin();
        JsonNode components = client.get("/actuator/health", admin.token()).body().path("components");
        assertThat(components.path("jobQueue").path("details").path("scheduler").asText()).isEqualTo("started");
        assertThat(components.path("jobQueue").path("details").has("queued")).isTrue();
        assertThat(components.path("migrationService").path("details").path("failed").asLong()).isZero();
        assertThat(components.path("migrationService").path("details").path("schemaVersion").asText())
                .isEqualTo(components.path("migrationService").path("details").path("newestMigration").asText());
        assertThat(components.path("cache").path("details").path("caches").asInt()).isEqualTo(5);
    }

    private static JsonNode stats(HangarClient client, User admin) {
        Response stats = client.get("/api/cache/stats", admin.token());
        assertThat(stats.status()).as(stats.raw()).isEqualTo(200);
        return stats.body();
    }

    private static JsonNode metrics(HangarClient client, User admin, String path) {
        Response metrics = client.get(path, admin.token());
        assertThat(metrics.status()).as(metrics.raw()).isEqualTo(200);
        return metrics.body();
    }

    /** The sum of the samples of one metric whose labels contain every one given. */
    private static double prometheusValue(String exposition, String metric, String... labels) {
        double total = 0;
        boolean found = false;
        Matcher m = Pattern.compile("(?m)^" + metric + "(\\{[^}]*\\})?\\s+(\\S+)").matcher(exposition);
        while (m.find()) {
            String labelText = m.group(1) == null ? "" : m.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= labelText.contains(label);
            }
            if (all) {
                total += Double.parseDouble(m.group(2));
                found = true;
            }
        }
        assertThat(found).as(metric + " " + List.of(labels) + " in /actuator/prometheus").isTrue();
        return total;
    }
}
