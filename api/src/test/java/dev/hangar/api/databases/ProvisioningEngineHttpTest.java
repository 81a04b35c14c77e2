package dev.hangar.api.databases;

import static dev.hangar.api.support.DatabaseStatus.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.api.support.DockerProbe;
import dev.hangar.api.support.EngineClients;
import dev.hangar.api.support.HangarClient;
import dev.hangar.api.support.HangarClient.Response;
import dev.hangar.api.support.HangarClient.User;
import dev.hangar.api.support.HangarHttpTest;
import dev.hangar.kernel.database.DatabaseSuspensionRequested;
import dev.hangar.saga.workload.PoisonedWorkloads;
import java.time.Instant;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.annotation.Autowired;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import redis.clients.jedis.Jedis;

/** The provisioning engine through the Databases surface, against the real Docker engine. */
@HangarHttpTest
class ProvisioningEngineHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    PoisonedWorkloads poisoned;
    HangarClient client;

    @BeforeEach
    void client() {
        client = new HangarClient(port);
    }

    @Test
    void aDatabaseCanBeDeletedWhileItIsStillBeingCreated() {
        User user = client.newPlatformUser();
        Response created = client.post("/api/databases", Map.of("engine", "PostgreSQL"), user.token());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.text("id");

        Response deleted = client.delete("/api/databases/" + id, user.token());

        assertThat(deleted.status()).as(deleted.raw()).isEqualTo(200);
        assertThat(deleted.text("message")).isEqualTo("Instance deleted successfully");
        assertThat(client.get("/api/databases/" + id, user.token()).status()).isEqualTo(404);
        assertThat(client.get("/api/plans/current", user.token()).body().path("usage").path("currentInstances").asInt())
                .isZero();
        assertThat(DockerProbe.containers("hangar.instance-id=" + id)).isEmpty();
        assertThat(DockerProbe.volumes("hangar.instance-id=" + id)).isEmpty();
    }

    @Test
    void anEngineIsKnownByItsAliasesAndAnsweredByItsName() {
        User user = client.newPlatformUser();
        Response created = client.post("/api/databases", Map.of("engine", "postgres"), user.token());

        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.text("engine")).isEqualTo("PostgreSQL");
        assertThat(created.text("connectionString")).startsWith("postgresql://");
        assertThat(client.delete("/api/databases/" + created.text("id"), user.token()).status()).isEqualTo(200);
    }

    @Test
    void eightDatabasesAskedForAtOnceAllComeUp() throws Exception {
        List<CompletableFuture<String>> asked = new ArrayList<>();
        List<User> owners = new ArrayList<>();
        for (int u = 0; u < 4; u++) {
            User user = client.newPlatformUser();
            owners.add(user);
            for (int d = 0; d < 2; d++) {
                asked.add(CompletableFuture.supplyAsync(() -> {
                    Response r = client.post("/api/databases", Map.of("engine", "Redis"), user.token());
                    assertThat(r.status()).as(r.raw()).isEqualTo(201);
                    return r.raw();
                }));
            }
        }
        List<Response> running = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            Response created = new Response(201, HangarClient.JSON.readTree(asked.get(i).join()), null, null);
            User owner = owners.get(i / 2);
            running.add(awaitStatus(client, owner.token(), created.text("id"), "RUNNING"));
            try (Jedis redis = EngineClients.redis(created.body().path("port").asInt(), created.text("password"))) {
                assertThat(redis.ping()).isEqualTo("PONG");
            }
        }
        assertThat(running).hasSize(8);
        for (int i = 0; i < running.size(); i++) {
            assertThat(client.delete("/api/databases/" + running.get(i).text("id"), owners.get(i / 2).token()).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void anEventTheSagaCannotHandleShowsInHealthAndFailsOnlyItsDatabase() throws Exception {
        User user = client.newPlatformUser();
        Response created = client.post("/api/databases", Map.of("engine", "Redis"), user.token());
        String id = created.text("id");
        awaitStatus(client, user.token(), id, "RUNNING");

        // what the saga processor's error handler is given when a handler throws on an event
        poisoned.onError(new IllegalStateException("unreadable saga state"), GenericEventMessage.asEventMessage(
                new DatabaseSuspensionRequested(id, Instant.now())), null);

        Response health = client.get("/health");
        assertThat(health.body().path("provisioning").path("poisoned").findValuesAsText("workloadId")).contains(id);
        assertThat(health.body().path("provisioning").path("poisoned").findValuesAsText("reason"))
                .anyMatch(r -> r.contains("unreadable saga state"));
        assertThat(health.body().path("provisioning").has("queued")).isTrue();
        assertThat(client.delete("/api/databases/" + id, user.token()).status()).isEqualTo(200);
    }
}
