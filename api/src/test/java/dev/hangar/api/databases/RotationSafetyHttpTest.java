package dev.hangar.api.databases;

import static dev.hangar.api.support.DatabaseStatus.awaitStatus;
import static dev.hangar.api.support.DatabaseStatus.rotateOnceSettled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.springframework.test.context.TestPropertySource;
import redis.clients.jedis.Jedis;

/**
 * Password rotations that go wrong on a real Redis: the engine's answer lost (the container
 * paused mid-rotation), and a volume that refuses to save the new password. Either way Hangar
 * ends up recording the password the engine accepts, and the next rotation works from it.
 */
@HangarHttpTest
@TestPropertySource(properties = {
    // 8 s: a container on a network of its own (issue 14) takes longer to start on a loaded host
    "hangar.consistency.container-operation-timeout=8s",
    "hangar.provisioning.retry-interval=1s",
    "hangar.provisioning.max-retry-interval=2s"
})
class RotationSafetyHttpTest {

    @LocalServerPort
    int port;
    HangarClient client;

    @BeforeEach
    void client() {
        client = new HangarClient(port);
    }

    private Response runningRedis(User user) throws Exception {
        Response created = client.post("/api/databases", Map.of("engine", "Redis"), user.token());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        awaitStatus(client, user.token(), created.text("id"), "RUNNING");
        return created;
    }

    @Test
    void aRotationWhoseAnswerIsLostSettlesOnThePasswordTheEngineAccepts() throws Exception {
        User user = client.newPlatformUser();
        Response created = runningRedis(user);
        String id = created.text("id");
        int dbPort = created.body().path("port").asInt();
        String container = "hangar-db-" + id;

        DockerProbe.lines("docker", "pause", container);
        Response lost = client.post("/api/databases/" + id + "/rotate-password", Map.of(), user.token());
        assertThat(lost.status()).as(lost.raw()).isGreaterThanOrEqualTo(500);
        DockerProbe.lines("docker", "unpause", container);

        Response next = rotateOnceSettled(client, user.token(), id);
        assertThat(next.status()).as(next.raw()).isEqualTo(200);
        String newest = next.text("newPassword");
        try (Jedis redis = EngineClients.redis(dbPort, newest)) {
            assertThat(redis.ping()).isEqualTo("PONG");
        }
        assertThatThrownBy(() -> EngineClients.redis(dbPort, created.text("password")).ping())
                .as("the first password no longer holds").isInstanceOf(RuntimeException.class);
        assertThat(client.delete("/api/databases/" + id, user.token()).status()).isEqualTo(200);
    }

    @Test
    void aVolumeThatRefusesTheNewPasswordKeepsTheOldOneEvenAfterARestart() throws Exception {
        User user = client.newPlatformUser();
        Response created = runningRedis(user);
        String id = created.text("id");
        int dbPort = created.body().path("port").asInt();
        String container = "hangar-db-" + id;
        // redis runs as its own user: a data directory it cannot write makes ACL SAVE fail
        DockerProbe.lines("docker", "exec", "-u", "root", container, "chmod", "555", "/data");

        Response refused = client.post("/api/databases/" + id + "/rotate-password", Map.of(), user.token());

        assertThat(refused.status()).as(refused.raw()).isEqualTo(500);
        assertThat(refused.text("message")).contains("previous password still holds");
        try (Jedis redis = EngineClients.redis(dbPort, created.text("password"))) {
            assertThat(redis.ping()).isEqualTo("PONG");
        }
        DockerProbe.lines("docker", "exec", "-u", "root", container, "chmod", "755", "/data");
        assertThat(client.put("/api/databases/" + id + "/suspend", Map.of(), user.token()).status()).isEqualTo(200);
        assertThat(client.put("/api/databases/" + id + "/resume", Map.of(), user.token()).status()).isEqualTo(200);
        try (Jedis redis = EngineClients.redis(dbPort, created.text("password"))) {
            assertThat(redis.ping()).as("the password on the volume is the one Hangar kept").isEqualTo("PONG");
        }
        assertThat(client.delete("/api/databases/" + id, user.token()).status()).isEqualTo(200);
    }
}
