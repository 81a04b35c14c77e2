package dev.hangar.api.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.api.support.DockerProbe;
import dev.hangar.api.support.EngineClients;
import dev.hangar.api.support.HangarClient;
import dev.hangar.api.support.HangarClient.Response;
import dev.hangar.api.support.HangarClient.User;
import dev.hangar.api.support.RunningHangar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Stop Hangar while a database is provisioning, start it again: the database reaches RUNNING with
 * exactly one container, on the port of its 201 answer, reachable with the password of that answer.
 */
class ProvisioningRestartTest {

    @Test
    void aDatabaseProvisioningWhenHangarStopsIsRunningAfterTheRestartWithOneContainer() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "provisioning-restart-");
        User user;
        Response created;
        try (RunningHangar hangar = RunningHangar.start(dataDir)) {
            user = hangar.client.newPlatformUser();
            created = hangar.client.post("/api/databases", Map.of("engine", "PostgreSQL"), user.token());
            assertThat(created.status()).isEqualTo(201);
            assertThat(hangar.client.get("/api/databases/" + created.text("id"), user.token()).text("status"))
                    .isEqualTo("CREATING");
        } // stops while the saga waits for PostgreSQL's first login
        String id = created.text("id");
        try (RunningHangar hangar = RunningHangar.start(dataDir)) {
            runsAsAnsweredThenIsDeleted(hangar.client, user.token(), created);
        }
        assertThat(DockerProbe.containers("hangar.instance-id=" + id)).isEmpty();
        assertThat(DockerProbe.volumes("hangar.instance-id=" + id)).isEmpty();
    }

    /**
     * The PostgreSQL database of a create's 201 reaches RUNNING on the answered port, in exactly one
     * container, reachable with the answered password; then it is deleted.
     */
    static void runsAsAnsweredThenIsDeleted(HangarClient client, String token, Response created) throws Exception {
        String id = created.text("id");
        int dbPort = created.body().path("port").asInt();
        Response running = dev.hangar.api.support.DatabaseStatus.awaitStatus(client, token, id, "RUNNING");
        assertThat(running.body().path("port").asInt()).isEqualTo(dbPort);
        assertThat(DockerProbe.containers("hangar.instance-id=" + id)).hasSize(1);
        try (Connection c = EngineClients.jdbc("PostgreSQL", dbPort, created.text("databaseName"),
                created.text("username"), created.text("password"))) {
            assertThat(c.isValid(5)).isTrue();
        }
        assertThat(client.delete("/api/databases/" + id, token).status()).isEqualTo(200);
    }

    @Test
    void aRunningDatabaseKeepsItsPortAndDataAcrossAHangarRestart() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "running-restart-");
        User user;
        Response created;
        try (RunningHangar hangar = RunningHangar.start(dataDir)) {
            user = hangar.client.newPlatformUser();
            created = hangar.client.post("/api/databases", Map.of("engine", "MySQL"), user.token());
            dev.hangar.api.support.DatabaseStatus.awaitStatus(hangar.client, user.token(), created.text("id"), "RUNNING");
            try (Connection c = EngineClients.jdbc("MySQL", created.body().path("port").asInt(),
                    created.text("databaseName"), created.text("username"), created.text("password"))) {
                c.createStatement().execute("create table kept (x int)");
            }
        }
        String id = created.text("id");
        try (RunningHangar hangar = RunningHangar.start(dataDir)) {
            Response view = hangar.client.get("/api/databases/" + id, user.token());
            assertThat(view.text("status")).isEqualTo("RUNNING");
            assertThat(view.body().path("port").asInt()).isEqualTo(created.body().path("port").asInt());
            try (Connection c = EngineClients.jdbc("MySQL", created.body().path("port").asInt(),
                    created.text("databaseName"), created.text("username"), created.text("password"))) {
                assertThat(c.createStatement().executeQuery("select count(*) from kept").next()).isTrue();
            }
            assertThat(hangar.client.put("/api/databases/" + id + "/suspend", null, user.token()).text("status"))
                    .isEqualTo("SUSPENDED");
            assertThat(hangar.client.delete("/api/databases/" + id, user.token()).status()).isEqualTo(200);
        }
    }

    @Test
    void aContainerRemovedWhileHangarWasDownIsNoticedAfterTheRestartAndCanBeResumed() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "reconcile-");
        String[] fastReconcile = {"hangar.provisioning.reconcile-initial-delay=1s",
            "hangar.provisioning.reconcile-interval=2s"};
        User user;
        Response created;
        String container;
        try (RunningHangar hangar = RunningHangar.start(dataDir, fastReconcile)) {
            user = hangar.client.newPlatformUser();
            created = hangar.client.post("/api/databases", Map.of("engine", "Redis"), user.token());
            container = dev.hangar.api.support.DatabaseStatus.awaitStatus(hangar.client, user.token(),
                    created.text("id"), "RUNNING").text("containerId");
        }
        DockerProbe.remove(container); // behind Hangar's back, while it is down
        String id = created.text("id");
        try (RunningHangar hangar = RunningHangar.start(dataDir, fastReconcile)) {
            Response failed = dev.hangar.api.support.DatabaseStatus.awaitStatus(hangar.client, user.token(), id,
                    "FAILED");
            assertThat(failed.text("failureReason")).contains("outside Hangar");
            assertThat(hangar.client.put("/api/databases/" + id + "/resume", null, user.token()).text("status"))
                    .isEqualTo("RUNNING");
            try (var jedis = EngineClients.redis(created.body().path("port").asInt(), created.text("password"))) {
                assertThat(jedis.ping()).isEqualTo("PONG");
            }
            assertThat(hangar.client.delete("/api/databases/" + id, user.token()).status()).isEqualTo(200);
        }
        assertThat(DockerProbe.volumes("hangar.instance-id=" + id)).isEmpty();
    }
}
