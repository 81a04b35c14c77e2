package dev.hangar.api.databases;

import static dev.hangar.api.support.DatabaseStatus.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.api.support.DockerProbe;
import dev.hangar.api.support.EngineClients;
import dev.hangar.api.support.HangarClient;
import dev.hangar.api.support.HangarClient.Response;
import dev.hangar.api.support.HangarClient.User;
import dev.hangar.api.support.HangarHttpTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import redis.clients.jedis.Jedis;

/** A container killed or removed behind Hangar's back is noticed within seconds, and can be resumed. */
@HangarHttpTest
class ContainerDriftHttpTest {

    @LocalServerPort
    int port;
    HangarClient client;

    @BeforeEach
    void client() {
        client = new HangarClient(port);
    }

    @Test
    void aKilledContainerIsRecordedAndResumeBringsItBackWithItsData() throws Exception {
        User user = client.newPlatformUser();
        Response created = client.post("/api/databases", Map.of("engine", "Redis"), user.token());
        String id = created.text("id");
        int dbPort = created.body().path("port").asInt();
        String container = awaitStatus(client, user.token(), id, "RUNNING").text("containerId");
        try (Jedis jedis = EngineClients.redis(dbPort, created.text("password"))) {
            jedis.set("kept", "yes");
        }

        DockerProbe.kill(container);
        long killedAt = System.currentTimeMillis();
        Response failed = awaitStatus(client, user.token(), id, "FAILED");
        // from the engine's event stream, not the reconciler's next pass
        assertThat(System.currentTimeMillis() - killedAt).isLessThan(10_000);
        assertThat(failed.text("failureReason")).contains("outside Hangar");

        Response resumed = client.put("/api/databases/" + id + "/resume", null, user.token());
        assertThat(resumed.status()).as(resumed.raw()).isEqualTo(200);
        assertThat(resumed.text("status")).isEqualTo("RUNNING");
        try (Jedis jedis = EngineClients.redis(dbPort, created.text("password"))) {
            assertThat(jedis.get("kept")).isEqualTo("yes");
        }
        assertThat(client.delete("/api/databases/" + id, user.token()).status()).isEqualTo(200);
    }

    @Test
    void aRemovedContainerIsRecreatedOnTheSamePortAndVolume() throws Exception {
        User user = client.newPlatformUser();
        Response created = client.post("/api/databases", Map.of("engine", "Redis"), user.token());
        String id = created.text("id");
        int dbPort = created.body().path("port").asInt();
        String container = awaitStatus(client, user.token(), id, "RUNNING").text("containerId");
        try (Jedis jedis = EngineClients.redis(dbPort, created.text("password"))) {
            // appendonly: Redis writes the AOF before it answers, so the value is on the volume (the tenant
            // may not SAVE since the engines run least privilege)
            jedis.set("kept", "still");
        }

        DockerProbe.remove(container);
        awaitStatus(client, user.token(), id, "FAILED");
        assertThat(DockerProbe.volumes("hangar.instance-id=" + id)).hasSize(1);

        assertThat(client.put("/api/databases/" + id + "/resume", null, user.token()).text("status")).isEqualTo("RUNNING");
        assertThat(DockerProbe.containers("hangar.instance-id=" + id)).hasSize(1);
        try (Jedis jedis = EngineClients.redis(dbPort, created.text("password"))) {
            assertThat(jedis.get("kept")).isEqualTo("still");
        }
        assertThat(client.delete("/api/databases/" + id, user.token()).status()).isEqualTo(200);
        assertThat(DockerProbe.volumes("hangar.instance-id=" + id)).isEmpty();
    }
}
