package dev.hangar.api.instances;

import static dev.hangar.api.support.InstanceStatus.awaitStatus;
import static dev.hangar.api.support.InstanceStatus.jupyter;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hangar.api.support.DockerProbe;
import dev.hangar.api.support.HangarClient;
import dev.hangar.api.support.HangarClient.Response;
import dev.hangar.api.support.HangarClient.User;
import dev.hangar.api.support.HangarHttpTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every documented refusal of the Instances surface in its own error body (400 with details per field,
 * 401, 403 PLAN_LIMIT_REACHED, 404 INSTANCE_NOT_FOUND, 409), the plan race, and a health check whose
 * budget is spent: failed with the reason, container kept, and a start with a check that can pass
 * brings it to running.
 */
@HangarHttpTest
class InstanceRulesHttpTest {

    @LocalServerPort
    int port;
    HangarClient client;
    private final List<User> users = new ArrayList<>();

    @BeforeEach
    void client() {
        client = new HangarClient(port);
    }

    private User user() {
        User user = client.newPlatformUser();
        users.add(user);
        return user;
    }

    /** Whatever a failed assertion left behind goes, through the API. */
    @AfterEach
    void cleanUp() {
        for (User user : users) {
            for (JsonNode item : client.get("/api/instances", user.token()).body().path("instances")) {
                client.delete("/api/instances/" + item.path("id").asText(), user.token());
            }
        }
    }

    private static void assertError(Response r, int status, String code) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        JsonNode error = r.body().path("error");
        assertThat(error.path("code").asText()).as(r.raw()).isEqualTo(code);
        assertThat(error.path("message").asText()).isNotBlank();
        assertThat(error.has("details")).isTrue();
        assertThat(error.path("timestamp").asText()).isNotBlank();
        assertThat(error.path("requestId").asText()).isNotBlank();
    }

    private static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void badInputAnswers400WithDetailsPerField() {
        User user = user();
        Response r = client.post("/api/instances", body("name", "invalid@name", "instanceType", "small"), user.token());
        assertError(r, 400, "VALIDATION_ERROR");
        assertThat(r.body().path("error").path("details").get(0).path("field").asText()).isEqualTo("name");
        assertThat(r.body().path("error").path("details").get(0).path("value").asText()).isEqualTo("invalid@name");

        assertError(client.post("/api/instances", body("instanceType", "small"), user.token()), 400, "VALIDATION_ERROR");
        assertError(client.post("/api/instances", body("name", "x".repeat(101), "instanceType", "small"), user.token()),
                400, "VALIDATION_ERROR");
        r = client.post("/api/instances", body("name", "a", "productName", "RTX 4090 24GB", "templateId", "pytorch-jupyter",
                "gpuNum", 9, "rootfsSize", 10), user.token());
        assertError(r, 400, "VALIDATION_ERROR");
        assertThat(r.body().path("error").path("details").findValuesAsText("field")).contains("gpuNum", "rootfsSize");
        r = client.post("/api/instances", body("name", "a", "instanceType", "small", "healthCheckConfig",
                Map.of("timeoutMs", 10, "retryAttempts", 11, "retryDelayMs", 50, "maxWaitTimeMs", 1000, "targetPort", 70000)),
                user.token());
        assertError(r, 400, "VALIDATION_ERROR");
        assertThat(r.body().path("error").path("details").findValuesAsText("field")).contains(
                "healthCheckConfig.timeoutMs", "healthCheckConfig.retryAttempts", "healthCheckConfig.retryDelayMs",
                "healthCheckConfig.maxWaitTimeMs", "healthCheckConfig.targetPort");
        assertError(client.post("/api/instances", "{not json", user.token()), 400, "VALIDATION_ERROR");

        // unknown catalog entries are named
        r = client.post("/api/instances", body("name", "a", "instanceType", "small", "region", "MARS-01"), user.token());
        assertError(r, 400, "VALIDATION_ERROR");
        assertThat(r.body().path("error").path("message").asText()).contains("MARS-01");
        r = client.post("/api/instances", body("name", "a", "instanceType", "huge"), user.token());
        assertThat(r.body().path("error").path("message").asText()).contains("huge");
        r = client.post("/api/instances", body("name", "a", "productName", "Voodoo 2", "templateId", "pytorch-jupyter"),
                user.token());
        assertError(r, 400, "VALIDATION_ERROR");
        assertThat(r.body().path("error").path("message").asText()).contains("Voodoo 2");
        r = client.post("/api/instances", body("name", "a", "productName", "RTX 4090 24GB", "templateId", "nope"),
                user.token());
        assertThat(r.body().path("error").path("message").asText()).contains("nope");
        assertError(client.post("/api/instances", body("name", "a"), user.token()), 400, "VALIDATION_ERROR");
        assertError(client.post("/api/instances", body("name", "a", "productName", "RTX 4090 24GB"), user.token()),
                400, "VALIDATION_ERROR");
        assertError(client.post("/api/instances", body("name", "a", "instanceType", "small", "webhookUrl",
                "ftp://example.com/x"), user.token()), 400, "VALIDATION_ERROR");

        // list parameters
        assertError(client.get("/api/instances?source=somewhere", user.token()), 400, "VALIDATION_ERROR");
        assertError(client.get("/api/instances?includeNovitaOnly=perhaps", user.token()), 400, "VALIDATION_ERROR");
        assertThat(client.get("/api/instances?source=novita&includeNovitaOnly=true&syncLocalState=true", user.token())
                .status()).isEqualTo(200);

        // by name without a name
        assertError(client.post("/api/instances/start", Map.of(), user.token()), 400, "VALIDATION_ERROR");
        assertError(client.post("/api/instances/stop", Map.of(), user.token()), 400, "VALIDATION_ERROR");
        // nothing was made
        assertThat(client.get("/api/instances", user.token()).body().path("total").asInt()).isZero();
    }

    @Test
    void unknownAndForeignInstancesAnswer404AndNoTokenAnswers401() {
        User user = user();
        String unknown = "inst_invalid";
        assertError(client.get("/api/instances/" + unknown, user.token()), 404, "INSTANCE_NOT_FOUND");
        assertError(client.post("/api/instances/" + unknown + "/start", Map.of(), user.token()), 404, "INSTANCE_NOT_FOUND");
        assertError(client.post("/api/instances/" + unknown + "/stop", Map.of(), user.token()), 404, "INSTANCE_NOT_FOUND");
        assertError(client.patch("/api/instances/" + unknown, Map.of("name", "x"), user.token()), 404, "INSTANCE_NOT_FOUND");
        assertError(client.delete("/api/instances/" + unknown, user.token()), 404, "INSTANCE_NOT_FOUND");
        assertError(client.post("/api/instances/start", Map.of("instanceName", "nobody"), user.token()), 404,
                "INSTANCE_NOT_FOUND");
        assertError(client.post("/api/instances/stop", Map.of("instanceName", "nobody"), user.token()), 404,
                "INSTANCE_NOT_FOUND");

        Response r = client.get("/api/instances", null);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body().path("error").path("code").asText()).isNotBlank();
    }

    @Test
    void aSpentHealthCheckBudgetFailsWithTheReasonAndAStartBringsItBack() throws Exception {
        User user = user();
        User stranger = user();
        // port 9 answers nothing in the workspace: the instance stays creating until the 30 s budget is spent
        Response created = client.post("/api/instances", body("name", "slow-box", "instanceType", "small",
                "healthCheckConfig", Map.of("timeoutMs", 1000, "retryDelayMs", 1000, "maxWaitTimeMs", 30000,
                        "targetPort", 9)), user.token());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.text("instanceId");

        // the same name again: 409; another user may use it
        assertError(client.post("/api/instances", body("name", "slow-box", "instanceType", "small"), user.token()), 409,
                "INSTANCE_EXISTS");
        // while creating, stop and start are conflicts and PATCH refuses bad input
        assertError(client.post("/api/instances/" + id + "/stop", Map.of(), user.token()), 409, "INVALID_STATE");
        assertError(client.post("/api/instances/" + id + "/start", Map.of(), user.token()), 409, "INVALID_STATE");
        assertError(client.patch("/api/instances/" + id, Map.of(), user.token()), 400, "VALIDATION_ERROR");
        assertError(client.patch("/api/instances/" + id, Map.of("status", "paused"), user.token()), 400, "VALIDATION_ERROR");
        assertError(client.patch("/api/instances/" + id, Map.of("name", "bad name!"), user.token()), 400,
                "VALIDATION_ERROR");
        assertError(client.post("/api/instances/" + id + "/start", Map.of("webhookUrl", "javascript:alert(1)"),
                user.token()), 400, "VALIDATION_ERROR");
        // someone else's instance is not found, by id or by name
        assertError(client.get("/api/instances/" + id, stranger.token()), 404, "INSTANCE_NOT_FOUND");
        assertError(client.delete("/api/instances/" + id, stranger.token()), 404, "INSTANCE_NOT_FOUND");
        assertError(client.post("/api/instances/stop", Map.of("instanceName", "slow-box"), stranger.token()), 404,
                "INSTANCE_NOT_FOUND");

        Response failed = awaitStatus(client, user.token(), id, "failed");
        assertThat(failed.text("statusMessage")).contains("did not become ready within 30 s");
        assertThat(DockerProbe.containers("hangar.instance-id=" + id)).as("kept for a retry").hasSize(1);

        Response started = client.post("/api/instances/" + id + "/start", Map.of("healthCheckConfig",
                Map.of("targetPort", 8888, "retryDelayMs", 500)), user.token());
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        Response running = awaitStatus(client, user.token(), id, "running");
        assertThat(jupyter(running, "/api/status?token=" + created.text("accessToken")).statusCode()).isEqualTo(200);

        assertThat(client.delete("/api/instances/" + id, user.token()).body().path("success").asBoolean()).isTrue();
        assertThat(DockerProbe.containers("hangar.instance-id=" + id)).isEmpty();
        assertThat(DockerProbe.volumes("hangar.instance-id=" + id)).isEmpty();
    }

    @Test
    void twentyRacingCreatesOnFreeGetExactlyTheFreeSlotsAndDatabasesShareThem() throws Exception {
        User user = user();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Response> answers;
        try {
            List<CompletableFuture<Response>> racing = IntStream.range(0, 20)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> client.post("/api/instances",
                            body("name", "racer-" + i, "instanceType", "small"), user.token()), pool))
                    .toList();
            answers = racing.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdown();
        }
        List<Response> created = answers.stream().filter(r -> r.status() == 201).toList();
        assertThat(created).as(answers.stream().map(Response::raw).toList().toString()).hasSize(2);
        for (Response r : answers) {
            if (r.status() != 201) {
                assertError(r, 403, "PLAN_LIMIT_REACHED");
            }
        }
        assertThat(client.get("/api/instances", user.token()).body().path("total").asInt()).isEqualTo(2);
        // the databases surface counts the same slots
        Response db = client.post("/api/databases", Map.of("engine", "Redis"), user.token());
        assertThat(db.status()).as(db.raw()).isEqualTo(403);
        assertThat(db.text("error")).isEqualTo("PLAN_LIMIT_REACHED");

        // a delete gives the slot back
        String first = created.get(0).text("instanceId");
        assertThat(client.delete("/api/instances/" + first, user.token()).status()).isEqualTo(200);
        Response again = client.post("/api/instances", body("name", "racer-again", "instanceType", "small"), user.token());
        assertThat(again.status()).as(again.raw()).isEqualTo(201);
        assertError(client.post("/api/instances", body("name", "one-too-many", "instanceType", "small"), user.token()),
                403, "PLAN_LIMIT_REACHED");
    }
}
