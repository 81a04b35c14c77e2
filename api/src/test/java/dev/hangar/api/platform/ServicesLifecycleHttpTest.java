package dev.hangar.api.platform;

import static dev.hangar.api.platform.ServiceSupport.awaitStatus;
import static dev.hangar.api.platform.ServiceSupport.exists;
import static dev.hangar.api.platform.ServiceSupport.labelled;
import static dev.hangar.api.platform.ServiceSupport.publishedPort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hangar.api.support.DockerProbe;
import dev.hangar.api.support.EngineClients;
import dev.hangar.api.support.HangarClient;
import dev.hangar.api.support.HangarClient.Response;
import dev.hangar.api.support.HangarClient.User;
import dev.hangar.api.support.HangarHttpTest;
import dev.hangar.api.support.SecretsLedger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import redis.clients.jedis.Jedis;

/**
 * A Redis service from its template, end to end on the real engine: created stopped with a
 * generated password, started (a pending deployment whose nomad_job_id is the container), reached
 * with PING and the rendered password on its published port, real log lines and memory, restarted,
 * redeployed by PUT with a new password, stopped, started again, deleted with nothing labelled left.
 */
@HangarHttpTest
class ServicesLifecycleHttpTest {

    @LocalServerPort
    int port;
    HangarClient client;

    @BeforeEach
    void client() {
        client = new HangarClient(port);
    }

    @Test
    void aRedisServiceFromItsTemplateLivesItsWholeLifeOnTheRealEngine() throws Exception {
        User user = client.newPlatformUser();
        String tenant = client.get("/api/v1/users/me", user.token()).text("tenant_id");

        Response created = client.post("/api/v1/services", Map.of("template_id", ServiceSupport.REDIS_TEMPLATE,
                "name", "my-cache", "description", "cache of my app"), user.token());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.text("status")).isEqualTo("stopped");
        assertThat(created.text("type")).isEqualTo("cache");
        assertThat(created.text("name")).isEqualTo("my-cache");
        assertThat(created.text("created_by")).isEqualTo(user.id());
        assertThat(created.body().path("config").path("image").asText()).isEqualTo("hangar/redis:7");
        assertThat(created.body().path("config").path("ports").get(0).asInt()).isEqualTo(6379);
        String password = created.body().path("config").path("environment").path("REDIS_PASSWORD").asText();
        SecretsLedger.record(password);
        assertThat(password).hasSizeGreaterThanOrEqualTo(16).doesNotContain("{{");

        // never deployed: no logs, zero usage
        assertThat(client.get("/api/v1/services/" + id + "/logs", user.token()).body().path("logs").size()).isZero();
        JsonNode idle = client.get("/api/v1/services/" + id + "/metrics", user.token()).body().path("metrics");
        assertThat(idle.path("allocation_status").asText()).isEqualTo("stopped");
        assertThat(idle.path("memory_usage").asLong()).isZero();

        Response started = client.post("/api/v1/services/" + id + "/start", Map.of(), user.token());
        assertThat(started.status()).as(started.raw()).isEqualTo(200);
        assertThat(started.text("message")).isEqualTo("Service deployment started");
        JsonNode deployment = started.body().path("deployment");
        assertThat(deployment.path("status").asText()).isEqualTo("pending");
        assertThat(deployment.path("service_id").asText()).isEqualTo(id);
        assertThat(deployment.path("deployed_by").asText()).isEqualTo(user.id());
        String container = deployment.path("nomad_job_id").asText();
        assertThat(container).matches(tenant + "-cache-\\d{10}");

        Response running = awaitStatus(client, user.token(), id, "running");
        int hostPort = publishedPort(container, 6379);
        assertThat(hostPort).isBetween(30000, 39999);
        JsonNode endpoint = client.get("/api/v1/services/" + id, user.token()).body().path("endpoints").path(0);
        assertThat(endpoint.path("port").asInt()).isEqualTo(6379);
        assertThat(endpoint.path("host_port").asInt()).as("the answer tells where the engine published it")
                .isEqualTo(hostPort);
        assertThat(endpoint.path("host").asText()).isEqualTo("localhost");
        try (Jedis jedis = EngineClients.redis(hostPort, password)) {
            assertThat(jedis.ping()).isEqualTo("PONG");
        }
        assertThatThrownBy(() -> {
            try (Jedis jedis = EngineClients.redis(hostPort, "not-the-password")) {
                jedis.ping();
            }
        }).isInstanceOf(redis.clients.jedis.exceptions.JedisException.class);
        assertThat(running.text("description")).isEqualTo("cache of my app");

        Response list = client.get("/api/v1/services", user.token());
        assertThat(list.body().path("total").asInt()).isEqualTo(1);
        JsonNode deployments = list.body().path("services").get(0).path("deployments");
        assertThat(deployments.size()).isEqualTo(1);
        assertThat(deployments.get(0).path("status").asText()).isEqualTo("completed");
        assertThat(deployments.get(0).path("nomad_job_id").asText()).isEqualTo(container);
        assertThat(deployments.get(0).path("completed_at").asText()).isNotBlank();

        Response again = client.post("/api/v1/services/" + id + "/start", Map.of(), user.token());
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.text("error")).isEqualTo("Service is already running");

        // real log lines with their timestamps, bounded by tail
        List<String> logs = lines(client.get("/api/v1/services/" + id + "/logs", user.token()));
        assertThat(logs).isNotEmpty().allMatch(l -> l.matches("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*Z .*"));
        assertThat(String.join("\n", logs)).contains("Ready to accept connections");
        assertThat(lines(client.get("/api/v1/services/" + id + "/logs?tail=1", user.token()))).hasSize(1);
        assertThat(client.get("/api/v1/services/" + id + "/logs?since=2999-01-01T00:00:00Z", user.token())
                .body().path("logs").size()).isZero();
        assertThat(client.get("/api/v1/services/" + id + "/logs?tail=-1", user.token()).status()).isEqualTo(400);
        assertThat(client.get("/api/v1/services/" + id + "/logs?since=yesterday", user.token()).status()).isEqualTo(400);

        String containerId = DockerProbe.lines("docker", "inspect", "-f", "{{.Id}}", container).get(0);
        JsonNode metrics = client.get("/api/v1/services/" + id + "/metrics", user.token()).body().path("metrics");
        assertThat(metrics.path("memory_usage").asLong()).isPositive();
        assertThat(metrics.path("cpu_usage").isNumber()).isTrue();
        assertThat(metrics.path("allocation_id").asText()).isEqualTo(containerId);
        assertThat(metrics.path("allocation_status").asText()).isEqualTo("running");
        assertThat(metrics.path("node_id").asText())
                .isEqualTo(DockerProbe.lines("docker", "info", "-f", "{{.ID}}").get(0));

        // restart: the same container stops and starts, and answers again
        String startedAt = inspect(container, "{{.State.StartedAt}}");
        Response restarted = client.post("/api/v1/services/" + id + "/restart", Map.of(), user.token());
        assertThat(restarted.status()).as(restarted.raw()).isEqualTo(200);
        assertThat(restarted.text("message")).isEqualTo("Service restarted successfully");
        assertThat(client.get("/api/v1/services/" + id, user.token()).text("status")).isEqualTo("running");
        assertThat(inspect(container, "{{.State.StartedAt}}")).isNotEqualTo(startedAt);
        try (Jedis jedis = EngineClients.redis(hostPort, password)) {
            assertThat(jedis.ping()).isEqualTo("PONG");
        }

        // PUT with a new password: a new deployment replaces the running one
        String newPassword = "Redeployed-" + java.util.UUID.randomUUID();
        SecretsLedger.record(newPassword);
        Map<String, Object> config = Map.of("image", "hangar/redis:7", "ports", List.of(6379),
                "environment", Map.of("REDIS_PASSWORD", "{{PW}}"),
                "resources", Map.of("cpu", 250, "memory", 128, "disk", 256),
                "nomad_job_file", "redis.nomad", "custom_variables", Map.of("PW", newPassword));
        Response updated = client.put("/api/v1/services/" + id, Map.of("name", "my-cache-2", "config", config),
                user.token());
        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        assertThat(updated.text("name")).isEqualTo("my-cache-2");
        assertThat(updated.body().path("config").path("environment").path("REDIS_PASSWORD").asText()).isEqualTo(newPassword);
        awaitStatus(client, user.token(), id, "running");
        JsonNode redeployed = client.get("/api/v1/services", user.token()).body().path("services").get(0).path("deployments");
        assertThat(redeployed.size()).isEqualTo(2);
        String second = redeployed.get(1).path("nomad_job_id").asText();
        assertThat(second).isNotEqualTo(container).matches(tenant + "-cache-\\d{10}");
        assertThat(redeployed.get(1).path("status").asText()).isEqualTo("completed");
        assertThat(exists(container)).isFalse();
        assertThat(publishedPort(second, 6379)).isEqualTo(hostPort);
        assertThat(inspect(second, "{{.HostConfig.Memory}}")).isEqualTo(String.valueOf(128L * 1024 * 1024));
        try (Jedis jedis = EngineClients.redis(hostPort, newPassword)) {
            assertThat(jedis.ping()).isEqualTo("PONG");
        }

        // stop: the container goes, the service says stopped, usage is zero
        Response stopped = client.post("/api/v1/services/" + id + "/stop", Map.of(), user.token());
        assertThat(stopped.status()).as(stopped.raw()).isEqualTo(200);
        assertThat(stopped.text("message")).isEqualTo("Service stopped successfully");
        JsonNode stoppedService = client.get("/api/v1/services/" + id, user.token()).body();
        assertThat(stoppedService.path("status").asText()).isEqualTo("stopped");
        assertThat(stoppedService.path("endpoints").size()).as("nothing answers for a stopped service").isZero();
        assertThat(exists(second)).isFalse();
        JsonNode afterStop = client.get("/api/v1/services/" + id + "/metrics", user.token()).body().path("metrics");
        assertThat(afterStop.path("allocation_status").asText()).isEqualTo("stopped");
        assertThat(afterStop.path("memory_usage").asLong()).isZero();
        Response stopAgain = client.post("/api/v1/services/" + id + "/stop", Map.of(), user.token());
        assertThat(stopAgain.status()).isEqualTo(400);
        assertThat(stopAgain.text("error")).isEqualTo("Service is not running");
        Response restartStopped = client.post("/api/v1/services/" + id + "/restart", Map.of(), user.token());
        assertThat(restartStopped.status()).isEqualTo(400);
        assertThat(restartStopped.text("error")).isEqualTo("Service is not running");

        // started again, then deleted while running: nothing labelled is left
        assertThat(client.post("/api/v1/services/" + id + "/start", Map.of(), user.token()).status()).isEqualTo(200);
        awaitStatus(client, user.token(), id, "running");
        Response deleted = client.delete("/api/v1/services/" + id, user.token());
        assertThat(deleted.status()).as(deleted.raw()).isEqualTo(200);
        assertThat(deleted.text("message")).isEqualTo("Service deleted successfully");
        assertThat(client.get("/api/v1/services/" + id, user.token()).status()).isEqualTo(404);
        assertThat(labelled(id)).isEmpty();
        assertThat(client.get("/api/v1/services", user.token()).body().path("total").asInt()).isZero();
    }

    @Test
    void anHttpServerFromItsTemplateServesPages() throws Exception {
        User user = client.newPlatformUser();
        Response created = client.post("/api/v1/services", Map.of("template_id", ServiceSupport.NGINX_TEMPLATE),
                user.token());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.text("id");
        try {
            String container = client.post("/api/v1/services/" + id + "/start", Map.of(), user.token()).body()
                    .path("deployment").path("nomad_job_id").asText();
            awaitStatus(client, user.token(), id, "running");
            int hostPort = publishedPort(container, 80);
            var http = java.net.http.HttpClient.newHttpClient();
            var page = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + hostPort + "/")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Hangar service");
            assertThat(String.join("\n", lines(client.get("/api/v1/services/" + id + "/logs", user.token()))))
                    .contains("GET / HTTP/1.1");
        } finally {
            assertThat(client.delete("/api/v1/services/" + id, user.token()).status()).isEqualTo(200);
            assertThat(labelled(id)).isEmpty();
        }
    }

    private static List<String> lines(Response logs) {
        assertThat(logs.status()).as(logs.raw()).isEqualTo(200);
        List<String> out = new java.util.ArrayList<>();
        logs.body().path("logs").forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String inspect(String container, String format) {
        return DockerProbe.lines("docker", "inspect", "-f", format, container).get(0);
    }
}
