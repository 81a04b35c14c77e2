package dev.hangar.api.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.api.HangarApplication;
import dev.hangar.api.support.DockerProbe;
import dev.hangar.api.support.HangarClient;
import dev.hangar.api.support.RunningHangar;
import dev.hangar.query.config.ProjectionConfiguration;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;

/**
 * On the embedded defaults, what Hangar answered survives the process being killed (SIGKILL, no
 * shutdown hook) right after the answer: the event store writes each commit to its file at once,
 * and the read store, which writes about once a second, resumes from a token that is never ahead
 * of the events kept and, since a killed process may have left it half-written, is rebuilt from the
 * events; a database being created goes on from its durable deadlines.
 */
class KillTest {

    @Test
    void aRegistrationAnsweredJustBeforeAKillIsKeptAndTheReadStoreIsRebuiltNotTrusted() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "kill-");
        HangarClient.User before;
        try (RunningHangar hangar = RunningHangar.start(dataDir)) {
            before = hangar.client.newPlatformUser();
        }
        // a document no event makes, in the read store a clean stop left: gone once it is rebuilt
        RestartAndRebuildTest.writeMarker(dataDir);
        int port = freePort();
        Process hangar = startProcess(dataDir, port);
        String username = HangarClient.unique("k_");
        try {
            awaitHealth(port, hangar);
            HangarClient client = new HangarClient(port);
            assertThat(client.post("/api/v1/auth/register", Map.of("username", username, "email", username + "@example.com",
                    "password", "Password1!")).status()).isEqualTo(201);
        } finally {
            hangar.destroyForcibly().waitFor();
        }
        try (RunningHangar restarted = RunningHangar.start(dataDir)) {
            assertEveryProjectionRuns(restarted);
            HangarClient.User user = restarted.client.logIn(username, "Password1!");
            assertThat(restarted.client.get("/api/v1/users/me", user.token()).text("username")).isEqualTo(username);
            // the read store holds both users (rebuilt from the events), and not the marker
            assertThat(restarted.client.get("/api/v1/admin/users?limit=1000", restarted.client.admin().token())
                    .body().path("users").findValuesAsText("username")).contains(username, before.username());
            assertThat(RestartAndRebuildTest.markers(restarted)).isZero();
        }
    }

    @Test
    void aDatabaseBeingCreatedWhenHangarIsKilledRunsAfterTheRestartWithOneContainer() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "kill-create-");
        int port = freePort();
        Process hangar = startProcess(dataDir, port);
        HangarClient.User user;
        HangarClient.Response created;
        try {
            awaitHealth(port, hangar);
            HangarClient client = new HangarClient(port);
            user = client.newPlatformUser();
            created = client.post("/api/databases", Map.of("engine", "PostgreSQL"), user.token());
            assertThat(created.status()).isEqualTo(201);
        } finally {
            hangar.destroyForcibly().waitFor(); // while the container is being made or PostgreSQL initialises
        }
        try (RunningHangar restarted = RunningHangar.start(dataDir)) {
            assertEveryProjectionRuns(restarted);
            ProvisioningRestartTest.runsAsAnsweredThenIsDeleted(restarted.client, user.token(), created);
        }
        assertThat(DockerProbe.containers("hangar.instance-id=" + created.text("id"))).isEmpty();
    }

    /** Every projection has claimed its segment and none is failing (a broken read store shows here). */
    private static void assertEveryProjectionRuns(RunningHangar hangar) {
        EventProcessingConfiguration processing = hangar.bean(EventProcessingConfiguration.class);
        for (String name : ProjectionConfiguration.PROJECTIONS) {
            StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
            assertThat(processor.processingStatus()).as(name).isNotEmpty();
            assertThat(processor.processingStatus().values()).as(name).noneMatch(EventTrackerStatus::isErrorState);
        }
    }

    /** Hangar in a JVM of its own, so that it can be killed (SIGKILL: no shutdown hook runs). */
    private static Process startProcess(Path dataDir, int port) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx256m", "-cp", System.getProperty("java.class.path"), HangarApplication.class.getName()));
        RunningHangar.arguments(dataDir).stream()
                .map(arg -> arg.equals("--server.port=0") ? "--server.port=" + port : arg).forEach(command::add);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("killed.log").toFile()).start();
    }

    private static void awaitHealth(int port, Process hangar) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(hangar.isAlive()).as("the Hangar process is running").isTrue();
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Hangar did not answer /health in 180 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
