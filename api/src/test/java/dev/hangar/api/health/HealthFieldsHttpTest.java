package dev.hangar.api.health;

import static dev.hangar.api.support.DatabaseStatus.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hangar.api.support.HangarClient;
import dev.hangar.api.support.HangarClient.Response;
import dev.hangar.api.support.HangarClient.User;
import dev.hangar.api.support.HangarHttpTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Seed 004's health fields are real figures: job steps per minute, off-heap MB, the process's RSS; and the engine's queues. */
@HangarHttpTest
class HealthFieldsHttpTest {

    @LocalServerPort
    int port;

    @Test
    void healthReportsJobRateMemoryAndTheProvisioningEngine() throws Exception {
        HangarClient client = new HangarClient(port);
        User user = client.newPlatformUser();
        Response created = client.post("/api/databases", Map.of("engine", "Redis"), user.token());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        awaitStatus(client, user.token(), created.text("id"), "RUNNING");

        JsonNode health = client.get("/health").body();
        assertThat(health.path("performance").path("jobProcessingRate").asDouble()).isPositive();
        JsonNode memory = health.path("system").path("memory");
        assertThat(memory.path("externalMB").asLong()).isPositive();
        long rss = memory.path("rss").asLong();
        long vmRss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024).findFirst().orElseThrow();
        // the test runs in the same process: the same resident set, give or take what it grew since
        assertThat(rss).isPositive().isBetween(vmRss / 2, vmRss * 2);
        assertThat(rss).isGreaterThan(memory.path("usedMB").asLong());
        JsonNode provisioning = health.path("provisioning");
        assertThat(provisioning.path("operations").asLong()).isPositive();
        assertThat(provisioning.has("running")).isTrue();
        assertThat(provisioning.has("queued")).isTrue();
        assertThat(provisioning.has("recordedFailures")).isTrue();
        assertThat(provisioning.path("poisoned").isArray()).isTrue();

        assertThat(client.delete("/api/databases/" + created.text("id"), user.token()).status()).isEqualTo(200);
    }
}
