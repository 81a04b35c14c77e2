package dev.hangar.api.instances;

import static dev.hangar.api.support.InstanceStatus.awaitStatus;
import static dev.hangar.api.support.PaymentSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hangar.api.support.HangarClient;
import dev.hangar.api.support.HangarClient.Response;
import dev.hangar.api.support.HangarClient.User;
import dev.hangar.api.support.HangarHttpTest;
import dev.hangar.api.support.SecretsLedger;
import dev.hangar.api.support.WebhookReceiver;
import dev.hangar.api.support.WebhookReceiver.Received;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13 against the real engine: an instance's status changes reach its webhook (signed, in order);
 * a use is recorded; an idle instance stops by itself while a used one keeps running; the auto-stop
 * endpoints answer as seed 004 shows and refuse bad input.
 */
@HangarHttpTest
class InstanceOperationsHttpTest {

    @LocalServerPort
    int port;
    HangarClient client;
    WebhookReceiver receiver;
    private final List<User> users = new ArrayList<>();

    @BeforeEach
    void setUp() {
        client = new HangarClient(port);
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void cleanUp() {
        for (User user : users) {
            for (JsonNode item : client.get("/api/instances", user.token()).body().path("instances")) {
                client.delete("/api/instances/" + item.path("id").asText(), user.token());
            }
        }
        receiver.close();
    }

    private User user() {
        User user = client.newPlatformUser();
        users.add(user);
        return user;
    }

    private String create(User user, String name, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "instanceType", "small"));
        body.putAll(extra);
        Response created = client.post("/api/instances", body, user.token());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.text("instanceId");
    }

    private static List<String> statuses(List<Received> got) {
        return got.stream().map(r -> r.json().path("oldStatus").asText("null") + "->" + r.json().path("newStatus").asText())
                .toList();
    }

    private static void assertValidation(Response r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.body().path("error").path("code").asText()).isEqualTo("VALIDATION_ERROR");
    }

    @Test
    void everyStatusChangeOfAnInstanceReachesItsWebhookSignedAndInOrder() throws Exception {
        User user = user();
        Response secretAnswer = client.get("/api/instances/webhook-secret", user.token());
        String secret = secretAnswer.text("secret");
        SecretsLedger.record(secret);
        String url = receiver.url();
        String id = create(user, "hooked", Map.of("webhookUrl", url));
        awaitStatus(client, user.token(), id, "running");
        await("creating and running delivered", () -> receiver.at(url).size() >= 2);
        List<Received> got = receiver.at(url);
        assertThat(statuses(got)).containsExactly("null->creating", "creating->running");
        Received running = got.get(1);
        assertThat(running.signedWith(secret)).isTrue();
        JsonNode body = running.json();
        assertThat(body.path("event").asText()).isEqualTo("instance.status_changed");
        assertThat(body.path("instanceId").asText()).isEqualTo(id);
        assertThat(body.path("instanceName").asText()).isEqualTo("hooked");
        assertThat(got.get(0).deliveryId()).isNotEqualTo(running.deliveryId());

        // the stop names another URL: from now on the instance's webhook is that one
        String second = receiver.url();
        Response stopped = client.post("/api/instances/" + id + "/stop", Map.of("webhookUrl", second), user.token());
        assertThat(stopped.status()).as(stopped.raw()).isEqualTo(200);
        await("stopping and stopped delivered", () -> receiver.at(second).size() >= 2);
        assertThat(statuses(receiver.at(second))).containsExactly("running->stopping", "stopping->stopped");
        assertThat(receiver.at(second)).allMatch(r -> r.signedWith(secret));
        assertThat(receiver.at(url)).hasSize(2);

        // every delivery is listed for the instance, delivered
        await("deliveries listed", () -> {
            JsonNode all = client.get("/api/instances/" + id + "/webhook-deliveries", user.token()).body()
                    .path("deliveries");
            if (all.size() < 4) {
                return false;
            }
            for (JsonNode d : all) {
                if (!d.path("status").asText().equals("delivered")) {
                    return false;
                }
            }
            return true;
        });
        Response foreign = client.get("/api/instances/" + id + "/webhook-deliveries", user().token());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body().path("error").path("code").asText()).isEqualTo("INSTANCE_NOT_FOUND");
    }

    @Test
    void aWebhookUrlIsCheckedOnCreateStartAndStop() {
        User user = user();
        assertValidation(client.post("/api/instances", Map.of("name", "bad-hook", "instanceType", "small",
                "webhookUrl", "ftp://example.com/x"), user.token()));
        assertValidation(client.post("/api/instances", Map.of("name", "bad-hook", "instanceType", "small",
                "webhookUrl", "https://user:pw@example.com/x"), user.token()));
        assertThat(client.get("/api/instances", user.token()).body().path("total").asInt()).isZero();
        assertValidation(client.post("/api/instances/start", Map.of("instanceName", "none",
                "webhookUrl", "javascript:alert(1)"), user.token()));
        assertValidation(client.post("/api/instances/stop", Map.of("instanceName", "none",
                "webhookUrl", "https://example.com/#frag"), user.token()));
    }

    @Test
    void anIdleInstanceStopsByItselfWhileAUsedOneKeepsRunning() throws Exception {
        User user = user();
        String url = receiver.url();
        String idle = create(user, "idle", Map.of("autoStopMinutes", 0.1, "webhookUrl", url)); // 6 s
        String used = create(user, "used", Map.of("autoStopMinutes", 0.2)); // 12 s
        assertThat(client.get("/api/instances/" + idle, user.token()).body().path("autoStopMinutes").asDouble())
                .isEqualTo(0.1);
        awaitStatus(client, user.token(), used, "running");
        // the used one is used every second, for longer than both thresholds, while the idle one stops by itself
        Response stopped = null;
        for (int i = 0; i < 150 && stopped == null; i++) {
            Response use = client.put("/api/instances/" + used + "/last-used", Map.of(), user.token());
            assertThat(use.status()).as(use.raw()).isEqualTo(200);
            Response r = client.get("/api/instances/" + idle, user.token());
            if (r.text("status").equals("stopped")) {
                stopped = r;
            }
            Thread.sleep(1000);
        }
        assertThat(stopped).as("the idle instance stopped by itself").isNotNull();
        Instant idleStoppedAt = Instant.now();
        while (Instant.now().isBefore(idleStoppedAt.plusSeconds(15))) {
            assertThat(client.put("/api/instances/" + used + "/last-used", Map.of(), user.token()).status()).isEqualTo(200);
            Thread.sleep(1000);
        }
        assertThat(client.get("/api/instances/" + used, user.token()).text("status")).isEqualTo("running");

        // the idle one's webhook heard why
        await("the auto-stop delivered", () -> receiver.at(url).size() >= 4);
        Received stopping = receiver.at(url).get(2);
        assertThat(stopping.json().path("newStatus").asText()).isEqualTo("stopping");
        assertThat(stopping.json().path("reason").asText()).startsWith("auto-stop: unused since");
        assertThat(receiver.at(url).get(3).json().path("newStatus").asText()).isEqualTo("stopped");

        // left alone, the used one stops by itself too
        awaitStatus(client, user.token(), used, "stopped");
        Response stats = client.get("/api/instances/auto-stop/stats", user.token());
        assertThat(stats.status()).as(stats.raw()).isEqualTo(200);
        assertThat(stats.body().path("stoppedSoFar").asInt()).isEqualTo(2);
        assertThat(stats.body().path("instancesWatched").asInt()).isZero();
        assertThat(stats.body().path("nextDueAt").isNull()).isTrue();
        assertThat(stats.body().path("schedulerRunning").asBoolean()).isTrue();
        assertThat(stats.body().path("defaultInactivityThresholdMinutes").asInt()).isEqualTo(20);
        assertThat(stats.body().path("checkIntervalMinutes").asInt()).isEqualTo(5);
        assertThat(stats.body().path("scope").asText()).isEqualTo("own");
    }

    @Test
    void aUseIsRecordedAndBadTimesAreRefused() throws Exception {
        User user = user();
        String id = create(user, "in-use", Map.of());
        Response now = client.put("/api/instances/" + id + "/last-used", null, user.token());
        assertThat(now.status()).as(now.raw()).isEqualTo(200);
        assertThat(now.text("instanceId")).isEqualTo(id);
        assertThat(now.text("message")).isEqualTo("Last used time updated successfully");
        Instant recorded = Instant.parse(now.text("lastUsedAt"));
        assertThat(recorded).isBefore(Instant.now().plusSeconds(1));

        Response given = client.put("/api/instances/" + id + "/last-used",
                Map.of("lastUsedAt", "2024-01-15T10:30:00.000Z"), user.token());
        assertThat(given.status()).as(given.raw()).isEqualTo(200);
        assertThat(Instant.parse(given.text("lastUsedAt"))).isEqualTo(Instant.parse("2024-01-15T10:30:00Z"));
        assertThat(client.get("/api/instances/" + id, user.token()).text("lastUsedAt"))
                .isEqualTo(given.text("lastUsedAt"));

        assertValidation(client.put("/api/instances/" + id + "/last-used", Map.of("lastUsedAt", "yesterday"),
                user.token()));
        assertValidation(client.put("/api/instances/" + id + "/last-used", Map.of("lastUsedAt", 1700000000),
                user.token()));
        assertValidation(client.put("/api/instances/" + id + "/last-used",
                Map.of("lastUsedAt", Instant.now().plusSeconds(3600).toString()), user.token()));
        assertValidation(client.put("/api/instances/" + id + "/last-used", "[1]", user.token()));
        Response unknown = client.put("/api/instances/inst_invalid/last-used", Map.of(), user.token());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("error").path("code").asText()).isEqualTo("INSTANCE_NOT_FOUND");
        assertThat(client.put("/api/instances/" + id + "/last-used", Map.of(), user().token()).status())
                .isEqualTo(404);
        assertThat(client.put("/api/instances/" + id + "/last-used", Map.of(), null).status()).isEqualTo(401);
    }

    @Test
    void theTriggerAnswersAtOnceAndRefusesAnythingButABoolean() {
        User user = user();
        Response dry = client.post("/api/instances/auto-stop/trigger", null, user.token());
        assertThat(dry.status()).as(dry.raw()).isEqualTo(200);
        assertThat(dry.text("message")).isEqualTo("Auto-stop check queued successfully");
        assertThat(dry.body().path("dryRun").asBoolean()).isTrue();
        assertThat(Instant.parse(dry.text("timestamp"))).isNotNull();
        String runId = dry.text("runId");
        await("the run recorded", () -> runId.equals(client.get("/api/instances/auto-stop/stats", user.token()).body()
                .path("lastRun").path("runId").asText()));
        JsonNode lastRun = client.get("/api/instances/auto-stop/stats", user.token()).body().path("lastRun");
        assertThat(lastRun.path("dryRun").asBoolean()).isTrue();
        assertThat(lastRun.path("candidates")).isEmpty();
        assertThat(lastRun.path("stopped")).isEmpty();

        assertThat(client.post("/api/instances/auto-stop/trigger", Map.of("dryRun", false), user.token()).body()
                .path("dryRun").asBoolean()).isFalse();
        assertValidation(client.post("/api/instances/auto-stop/trigger", Map.of("dryRun", "false"), user.token()));
        assertValidation(client.post("/api/instances/auto-stop/trigger", Map.of("dryRun", 0), user.token()));
        assertValidation(client.post("/api/instances/auto-stop/trigger", "[true]", user.token()));
        assertThat(client.post("/api/instances/auto-stop/trigger", Map.of()).status()).isEqualTo(401);
        assertThat(client.get("/api/instances/auto-stop/stats").status()).isEqualTo(401);
        assertThat(client.get("/api/instances/auto-stop/stats", client.admin().token()).text("scope")).isEqualTo("all");
    }
}
