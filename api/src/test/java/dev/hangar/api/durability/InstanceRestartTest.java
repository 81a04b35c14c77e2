package dev.hangar.api.durability;

import static dev.hangar.api.support.InstanceStatus.awaitStatus;
import static dev.hangar.api.support.InstanceStatus.jupyter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.api.support.DockerProbe;
import dev.hangar.api.support.HangarClient.Response;
import dev.hangar.api.support.HangarClient.User;
import dev.hangar.api.support.RunningHangar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Stop Hangar while a compute instance is creating, and again while it is starting: after each
 * restart it reaches running with exactly one container and its Jupyter answers. A container removed
 * while Hangar was down is noticed after the restart (the reconciler) and a start brings it back.
 */
class InstanceRestartTest {

    @Test
    void anInstanceCreatingOrStartingWhenHangarStopsIsRunningAfterTheRestartWithOneContainer() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "instance-restart-");
        User user;
        Response created;
        try (RunningHangar hangar = RunningHangar.start(dataDir)) {
            user = hangar.client.newPlatformUser();
            created = hangar.client.post("/api/instances", Map.of("name", "durable", "instanceType", "small"),
                    user.token());
            assertThat(created.status()).as(created.raw()).isEqualTo(201);
            assertThat(hangar.client.get("/api/instances/" + created.text("instanceId"), user.token()).text("status"))
                    .isEqualTo("creating");
        } // stops while the saga waits for Jupyter's first answer
        String id = created.text("instanceId");
        String token = created.text("accessToken");
        try (RunningHangar hangar = RunningHangar.start(dataDir)) {
            Response running = awaitStatus(hangar.client, user.token(), id, "running");
            assertThat(DockerProbe.containers("hangar.instance-id=" + id)).hasSize(1);
            assertThat(jupyter(running, "/api/status?token=" + token).statusCode()).isEqualTo(200);

            assertThat(hangar.client.post("/api/instances/" + id + "/stop", Map.of(), user.token()).text("status"))
                    .isEqualTo("stopped");
            Response starting = hangar.client.post("/api/instances/" + id + "/start", Map.of(), user.token());
            assertThat(starting.text("status")).isEqualTo("starting");
        } // stops while the start waits for Jupyter
        try (RunningHangar hangar = RunningHangar.start(dataDir)) {
            Response running = awaitStatus(hangar.client, user.token(), id, "running");
            assertThat(DockerProbe.containers("hangar.instance-id=" + id)).hasSize(1);
            assertThat(jupyter(running, "/api/status?token=" + token).statusCode()).isEqualTo(200);
            assertThat(hangar.client.delete("/api/instances/" + id, user.token()).status()).isEqualTo(200);
        }
        assertThat(DockerProbe.containers("hangar.instance-id=" + id)).isEmpty();
        assertThat(DockerProbe.volumes("hangar.instance-id=" + id)).isEmpty();
    }

    @Test
    void aContainerRemovedWhileHangarWasDownIsNoticedAfterTheRestartAndStartsAgain() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "instance-reconcile-");
        String[] fastReconcile = {"hangar.provisioning.reconcile-initial-delay=1s",
            "hangar.provisioning.reconcile-interval=2s"};
        User user;
        Response created;
        try (RunningHangar hangar = RunningHangar.start(dataDir, fastReconcile)) {
            user = hangar.client.newPlatformUser();
            created = hangar.client.post("/api/instances", Map.of("name", "gone", "instanceType", "small"), user.token());
            awaitStatus(hangar.client, user.token(), created.text("instanceId"), "running");
        }
        String id = created.text("instanceId");
        DockerProbe.remove("hangar-inst-" + id); // behind Hangar's back, while it is down
        try (RunningHangar hangar = RunningHangar.start(dataDir, fastReconcile)) {
            Response failed = awaitStatus(hangar.client, user.token(), id, "failed");
            assertThat(failed.text("statusMessage")).contains("outside Hangar");
            assertThat(hangar.client.post("/api/instances/" + id + "/start", Map.of(), user.token()).status())
                    .isEqualTo(202);
            Response running = awaitStatus(hangar.client, user.token(), id, "running");
            assertThat(jupyter(running, "/api/status?token=" + created.text("accessToken")).statusCode()).isEqualTo(200);
            assertThat(hangar.client.delete("/api/instances/" + id, user.token()).status()).isEqualTo(200);
        }
        assertThat(DockerProbe.containers("hangar.instance-id=" + id)).isEmpty();
        assertThat(DockerProbe.volumes("hangar.instance-id=" + id)).isEmpty();
    }
}
