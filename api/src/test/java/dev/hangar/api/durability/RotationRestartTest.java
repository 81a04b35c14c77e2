package dev.hangar.api.durability;

import static dev.hangar.api.support.DatabaseStatus.awaitStatus;
import static dev.hangar.api.support.DatabaseStatus.rotateOnceSettled;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.api.support.DockerProbe;
import dev.hangar.api.support.EngineClients;
import dev.hangar.api.support.HangarClient.Response;
import dev.hangar.api.support.HangarClient.User;
import dev.hangar.api.support.RunningHangar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Stop Hangar in the middle of a password rotation (the engine paused, so the rotation cannot
 * finish), start it again once the engine answers: the rotation's durable retry finds out which
 * password Redis accepts and records it, and the next rotation starts from that one.
 */
class RotationRestartTest {

    private static final String[] FAST = {"hangar.consistency.container-operation-timeout=2s",
        "hangar.provisioning.retry-interval=1s", "hangar.provisioning.max-retry-interval=2s"};

    @Test
    void aRotationCutShortByAStopIsSettledAfterTheRestart() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "rotation-restart-");
        User user;
        Response created;
        String container;
        try (RunningHangar hangar = RunningHangar.start(dataDir, FAST)) {
            user = hangar.client.newPlatformUser();
            created = hangar.client.post("/api/databases", Map.of("engine", "Redis"), user.token());
            awaitStatus(hangar.client, user.token(), created.text("id"), "RUNNING");
            container = "hangar-db-" + created.text("id");
            DockerProbe.lines("docker", "pause", container);
            Response cut = CompletableFuture.supplyAsync(() -> hangar.client.post(
                    "/api/databases/" + created.text("id") + "/rotate-password", Map.of(), user.token())).join();
            assertThat(cut.status()).as(cut.raw()).isGreaterThanOrEqualTo(500);
        } // stops with the rotation pending
        DockerProbe.lines("docker", "unpause", container);
        String id = created.text("id");
        int dbPort = created.body().path("port").asInt();
        try (RunningHangar hangar = RunningHangar.start(dataDir, FAST)) {
            Response next = rotateOnceSettled(hangar.client, user.token(), id);
            assertThat(next.status()).as(next.raw()).isEqualTo(200);
            try (Jedis redis = EngineClients.redis(dbPort, next.text("newPassword"))) {
                assertThat(redis.ping()).isEqualTo("PONG");
            }
            assertThat(hangar.client.delete("/api/databases/" + id, user.token()).status()).isEqualTo(200);
        }
        assertThat(DockerProbe.containers("hangar.instance-id=" + id)).isEmpty();
    }
}
