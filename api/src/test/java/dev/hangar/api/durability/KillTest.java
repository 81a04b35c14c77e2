package dev.hangar.api.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.api.HangarApplication;
import dev.hangar.api.support.HangarClient;
import dev.hangar.api.support.RunningHangar;
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
import org.junit.jupiter.api.Test;

/**
 * On the embedded defaults, what Hangar answered survives the process being killed (SIGKILL, no
 * shutdown hook) right after the answer: the event store writes each commit to its file at once,
 * and the read store, which writes about once a second, resumes from a token that is never ahead
 * of the events kept.
 */
class KillTest {

    @Test
    void aRegistrationAnsweredJustBeforeAKillIsKept() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "kill-");
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx256m", "-cp", System.getProperty("java.class.path"), HangarApplication.class.getName()));
        RunningHangar.arguments(dataDir).stream()
                .map(arg -> arg.equals("--server.port=0") ? "--server.port=" + port : arg).forEach(command::add);
        Process hangar = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("killed.log").toFile()).start();
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
            HangarClient.User user = restarted.client.logIn(username, "Password1!");
            assertThat(restarted.client.get("/api/v1/users/me", user.token()).text("username")).isEqualTo(username);
            // the read store holds the user too (the projection did not skip it)
            assertThat(restarted.client.get("/api/v1/admin/users?limit=1000", restarted.client.admin().token())
                    .body().path("users").findValuesAsText("username")).contains(username);
        }
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
