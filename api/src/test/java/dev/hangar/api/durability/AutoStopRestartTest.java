package dev.hangar.api.durability;

import static dev.hangar.api.support.InstanceStatus.awaitStatus;
import static dev.hangar.api.support.PaymentSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hangar.api.support.DockerProbe;
import dev.hangar.api.support.HangarClient;
import dev.hangar.api.support.HangarClient.Response;
import dev.hangar.api.support.HangarClient.User;
import dev.hangar.api.support.RunningHangar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The auto-stop against the real engine, in Hangar processes of their own: with the automatic stop
 * off, a dry run finds the idle instance and stops nothing, a real run stops it; with it on, a
 * restart between an instance coming up and its due time neither forgets the stop nor doubles it.
 */
class AutoStopRestartTest {

    static JsonNode stats(HangarClient client, User user) {
        Response r = client.get("/api/instances/auto-stop/stats", user.token());
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    static JsonNode awaitRun(HangarClient client, User user, String runId) {
        await("run " + runId + " recorded", () -> runId.equals(stats(client, user).path("lastRun").path("runId").asText()));
        return stats(client, user).path("lastRun");
    }

    @Test
    void aDryRunStopsNothingAndARealRunStopsTheIdleInstance() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "auto-stop-trigger-");
        String id = null;
        try (RunningHangar hangar = RunningHangar.start(dataDir, "--hangar.instances.auto-stop.enabled=false")) {
            HangarClient client = hangar.client;
            User user = client.newPlatformUser();
            try {
                Response created = client.post("/api/instances", Map.of("name", "idle", "instanceType", "small",
                        "autoStopMinutes", 0.05), user.token()); // 3 s
                assertThat(created.status()).as(created.raw()).isEqualTo(201);
                id = created.text("instanceId");
                awaitStatus(client, user.token(), id, "running");
                assertThat(stats(client, user).path("instancesWatched").asInt()).isEqualTo(1);
                assertThat(stats(client, user).path("nextDueInstanceId").asText()).isEqualTo(id);
                Instant due = Instant.parse(stats(client, user).path("nextDueAt").asText());
                while (!Instant.now().isAfter(due.plusSeconds(1))) {
                    Thread.sleep(500);
                }
                // nothing stops it by itself here
                assertThat(client.get("/api/instances/" + id, user.token()).text("status")).isEqualTo("running");

                Response dry = client.post("/api/instances/auto-stop/trigger", Map.of("dryRun", true), user.token());
                assertThat(dry.status()).as(dry.raw()).isEqualTo(200);
                JsonNode dryRun = awaitRun(client, user, dry.text("runId"));
                assertThat(dryRun.path("dryRun").asBoolean()).isTrue();
                assertThat(dryRun.path("candidates")).extracting(JsonNode::asText).containsExactly(id);
                assertThat(dryRun.path("stopped")).isEmpty();
                assertThat(client.get("/api/instances/" + id, user.token()).text("status")).isEqualTo("running");
                assertThat(DockerProbe.lines("docker", "inspect", "-f", "{{.State.Running}}", "hangar-inst-" + id))
                        .containsExactly("true");
                assertThat(stats(client, user).path("stoppedSoFar").asInt()).isZero();

                // another user's run does not touch it
                User other = client.newPlatformUser();
                Response foreign = client.post("/api/instances/auto-stop/trigger", Map.of("dryRun", false),
                        other.token());
                assertThat(awaitRun(client, other, foreign.text("runId")).path("candidates")).isEmpty();

                Response real = client.post("/api/instances/auto-stop/trigger", Map.of("dryRun", false), user.token());
                JsonNode realRun = awaitRun(client, user, real.text("runId"));
                assertThat(realRun.path("dryRun").asBoolean()).isFalse();
                assertThat(realRun.path("candidates")).extracting(JsonNode::asText).containsExactly(id);
                assertThat(realRun.path("stopped")).extracting(JsonNode::asText).containsExactly(id);
                Response stopped = awaitStatus(client, user.token(), id, "stopped");
                assertThat(stopped.text("status")).isEqualTo("stopped");
                assertThat(stats(client, user).path("stoppedSoFar").asInt()).isEqualTo(1);
                assertThat(stats(client, user).path("instancesWatched").asInt()).isZero();
            } finally {
                if (id != null) {
                    client.delete("/api/instances/" + id, user.token());
                }
            }
        }
        assertThat(DockerProbe.containers("hangar.instance-id=" + id)).isEmpty();
    }

    @Test
    void aRestartBeforeTheDueTimeNeitherForgetsNorDoublesTheStop() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "auto-stop-restart-");
        User user;
        String id;
        try (RunningHangar hangar = RunningHangar.start(dataDir)) {
            user = hangar.client.newPlatformUser();
            Response created = hangar.client.post("/api/instances", Map.of("name", "sleepy", "instanceType", "small",
                    "autoStopMinutes", 0.5), user.token()); // 30 s
            assertThat(created.status()).as(created.raw()).isEqualTo(201);
            id = created.text("instanceId");
            awaitStatus(hangar.client, user.token(), id, "running");
            assertThat(stats(hangar.client, user).path("instancesWatched").asInt()).isEqualTo(1);
        } // stops while the instance's look is pending
        try (RunningHangar hangar = RunningHangar.start(dataDir)) {
            try {
                Response stopped = awaitStatus(hangar.client, user.token(), id, "stopped");
                assertThat(stopped.text("status")).isEqualTo("stopped");
                assertThat(DockerProbe.lines("docker", "inspect", "-f", "{{.State.Running}}", "hangar-inst-" + id))
                        .containsExactly("false");
                assertThat(stats(hangar.client, user).path("stoppedSoFar").asInt()).isEqualTo(1);
                // started again, it is watched again from its start
                assertThat(hangar.client.post("/api/instances/" + id + "/start", Map.of(), user.token()).status())
                        .isEqualTo(202);
                awaitStatus(hangar.client, user.token(), id, "running");
                assertThat(stats(hangar.client, user).path("instancesWatched").asInt()).isEqualTo(1);
                assertThat(stats(hangar.client, user).path("stoppedSoFar").asInt()).isEqualTo(1);
            } finally {
                hangar.client.delete("/api/instances/" + id, user.token());
            }
        }
        assertThat(DockerProbe.containers("hangar.instance-id=" + id)).isEmpty();
        assertThat(DockerProbe.volumes("hangar.instance-id=" + id)).isEmpty();
    }
}
