package dev.hangar.api.platform;

import static dev.hangar.api.platform.ServiceSupport.awaitStatus;
import static dev.hangar.api.platform.ServiceSupport.labelled;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hangar.api.support.DockerProbe;
import dev.hangar.api.support.HangarClient;
import dev.hangar.api.support.HangarClient.Response;
import dev.hangar.api.support.HangarClient.User;
import dev.hangar.api.support.HangarHttpTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Seed 002's templates and the services' rules: every documented 400 and 404, the per-tenant rules under a race. */
@HangarHttpTest
class ServicesRulesHttpTest {

    @LocalServerPort
    int port;
    HangarClient client;

    @BeforeEach
    void client() {
        client = new HangarClient(port);
    }

    @Test
    void theTemplateCatalogAnswersWithSeed002sFields() {
        User user = client.newPlatformUser();
        Response list = client.get("/api/v1/templates", user.token());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().path("total").asInt()).isEqualTo(list.body().path("templates").size()).isGreaterThanOrEqualTo(4);
        List<String> names = new ArrayList<>();
        list.body().path("templates").forEach(t -> {
            names.add(t.path("name").asText());
            assertThat(t.path("id").asText()).matches("[0-9a-f-]{36}");
            for (String field : List.of("name", "type", "description", "icon", "category", "tags", "is_public", "created_at")) {
                assertThat(t.has(field)).as(field).isTrue();
            }
            assertThat(t.has("config")).isFalse();
        });
        assertThat(names).contains("postgresql", "mariadb", "redis", "nginx");

        Response postgres = client.get("/api/v1/templates/" + ServiceSupport.POSTGRES_TEMPLATE, user.token());
        assertThat(postgres.status()).isEqualTo(200);
        assertThat(postgres.text("name")).isEqualTo("postgresql");
        assertThat(postgres.text("type")).isEqualTo("database");
        assertThat(postgres.body().path("is_public").asBoolean()).isTrue();
        JsonNode config = postgres.body().path("config");
        assertThat(config.path("environment").path("POSTGRES_USER").asText()).isEqualTo("{{DB_USER}}");
        assertThat(config.path("environment").path("POSTGRES_PASSWORD").asText()).isEqualTo("{{DB_PASSWORD}}");
        assertThat(config.path("ports").get(0).asInt()).isEqualTo(5432);
        assertThat(config.path("resources").path("memory").asInt()).isEqualTo(1024);
        assertThat(config.path("nomad_job_file").asText()).isEqualTo("postgresql.nomad");

        assertError(client.get("/api/v1/templates/not-a-uuid", user.token()), 400, "Invalid template ID");
        assertError(client.get("/api/v1/templates/" + java.util.UUID.randomUUID(), user.token()), 404, "Template not found");
        assertThat(client.get("/api/v1/templates").status()).isEqualTo(401);
    }

    @Test
    void servicesAnswerSeed002sErrors() throws Exception {
        User user = client.newPlatformUser();
        User stranger = client.newPlatformUser();
        String unknown = java.util.UUID.randomUUID().toString();
        for (String path : List.of("", "/start", "/stop", "/restart", "/logs", "/metrics")) {
            boolean post = path.equals("/start") || path.equals("/stop") || path.equals("/restart");
            Response bad = post ? client.post("/api/v1/services/not-a-uuid" + path, Map.of(), user.token())
                    : client.get("/api/v1/services/not-a-uuid" + path, user.token());
            assertError(bad, 400, "Invalid service ID");
            Response missing = post ? client.post("/api/v1/services/" + unknown + path, Map.of(), user.token())
                    : client.get("/api/v1/services/" + unknown + path, user.token());
            assertError(missing, 404, "Service not found");
        }
        assertError(client.put("/api/v1/services/not-a-uuid", Map.of("name", "x"), user.token()), 400, "Invalid service ID");
        assertError(client.delete("/api/v1/services/not-a-uuid", user.token()), 400, "Invalid service ID");
        assertError(client.delete("/api/v1/services/" + unknown, user.token()), 404, "Service not found");
        assertThat(client.get("/api/v1/services").status()).isEqualTo(401);

        // a placeholder without a value is named; a secret one is generated
        Response noUser = client.post("/api/v1/services", Map.of("template_id", ServiceSupport.POSTGRES_TEMPLATE,
                "custom_variables", Map.of("DB_NAME", "app")), user.token());
        assertError(noUser, 400, "Missing value for template variable DB_USER");
        Response pg = client.post("/api/v1/services", Map.of("template_id", ServiceSupport.POSTGRES_TEMPLATE,
                "name", "my-postgres-db", "config", Map.of("custom_variables", Map.of("DB_USER", "myuser", "DB_NAME", "mydb"))),
                user.token());
        assertThat(pg.status()).as(pg.raw()).isEqualTo(201);
        JsonNode env = pg.body().path("config").path("environment");
        assertThat(env.path("POSTGRES_USER").asText()).isEqualTo("myuser");
        assertThat(env.path("POSTGRES_DB").asText()).isEqualTo("mydb");
        assertThat(env.path("POSTGRES_PASSWORD").asText()).hasSizeGreaterThanOrEqualTo(16).doesNotContain("{{");
        dev.hangar.api.support.SecretsLedger.record(env.path("POSTGRES_PASSWORD").asText());
        assertThat(pg.body().path("config").path("custom_variables").path("DB_USER").asText()).isEqualTo("myuser");
        String pgId = pg.text("id");

        // a template's value reaches no shell: it is the container's environment, byte for byte
        assertThat(env.toString()).doesNotContain("$(");

        // one service per type per tenant; another tenant sees nothing of it
        Response second = client.post("/api/v1/services", Map.of("template_id", ServiceSupport.POSTGRES_TEMPLATE,
                "custom_variables", Map.of("DB_USER", "u", "DB_NAME", "d")), user.token());
        assertError(second, 400, "Service already exists for this tenant");
        assertError(client.get("/api/v1/services/" + pgId, stranger.token()), 404, "Service not found");
        assertError(client.post("/api/v1/services/" + pgId + "/start", Map.of(), stranger.token()), 404, "Service not found");
        assertError(client.delete("/api/v1/services/" + pgId, stranger.token()), 404, "Service not found");
        assertThat(client.get("/api/v1/services", stranger.token()).body().path("total").asInt()).isZero();
        assertThat(client.post("/api/v1/services", Map.of("template_id", ServiceSupport.POSTGRES_TEMPLATE,
                "custom_variables", Map.of("DB_USER", "u", "DB_NAME", "d")), stranger.token()).status()).isEqualTo(201);

        // invalid input data
        assertThat(client.post("/api/v1/services", Map.of("name", "x", "type", "web"), user.token()).status()).isEqualTo(400);
        assertThat(client.post("/api/v1/services", Map.of("name", "x", "type", "bad type!",
                "config", Map.of("image", "hangar/redis:7")), user.token()).status()).isEqualTo(400);
        assertThat(client.post("/api/v1/services", Map.of("name", "x", "type", "web",
                "config", Map.of("image", "hangar/redis:7", "ports", List.of(0))), user.token()).status()).isEqualTo(400);
        assertThat(client.post("/api/v1/services", Map.of("name", "x", "type", "web",
                "config", Map.of("image", "hangar/redis:7", "environment", Map.of("A=B", "c"))), user.token()).status())
                .isEqualTo(400);
        assertThat(client.post("/api/v1/services", "{\"name\": 1, \"config\": []}", user.token()).status()).isEqualTo(400);
        assertThat(client.post("/api/v1/services", "{\"name\": \"x\", \"type\": \"web\", \"config\": {\"image\": \"a\", "
                + "\"ports\": [null], \"environment\": {\"A\": null}}}", user.token()).status()).isEqualTo(400);
        assertError(client.post("/api/v1/services", Map.of("template_id", "nope"), user.token()), 400, "Invalid template ID");

        // an update of a stopped service changes it without deploying
        Response renamed = client.put("/api/v1/services/" + pgId, Map.of("name", "my-updated-postgres-db",
                "description", "Updated PostgreSQL database"), user.token());
        assertThat(renamed.status()).as(renamed.raw()).isEqualTo(200);
        assertThat(renamed.text("name")).isEqualTo("my-updated-postgres-db");
        assertThat(renamed.text("status")).isEqualTo("stopped");
        assertThat(client.get("/api/v1/services/" + pgId, user.token()).text("description")).isEqualTo("Updated PostgreSQL database");

        assertThat(client.delete("/api/v1/services/" + pgId, user.token()).status()).isEqualTo(200);
        assertError(client.get("/api/v1/services/" + pgId, user.token()), 404, "Service not found");
        assertError(client.delete("/api/v1/services/" + pgId, user.token()), 404, "Service not found");
    }

    @Test
    void aDeploymentInProgressAndAFailedOneSayWhy() throws Exception {
        User user = client.newPlatformUser();
        // nothing listens on 7777 in a Redis container: the deployment stays pending
        Response slow = client.post("/api/v1/services", Map.of("name", "never-ready", "type", "slow",
                "config", Map.of("image", "hangar/redis:7", "ports", List.of(7777))), user.token());
        assertThat(slow.status()).as(slow.raw()).isEqualTo(201);
        String slowId = slow.text("id");
        assertThat(client.post("/api/v1/services/" + slowId + "/start", Map.of(), user.token()).status()).isEqualTo(200);
        assertError(client.post("/api/v1/services/" + slowId + "/start", Map.of(), user.token()), 400,
                "Service deployment already in progress");
        assertError(client.post("/api/v1/services/" + slowId + "/stop", Map.of(), user.token()), 400,
                "Service is not running");
        assertError(client.post("/api/v1/services/" + slowId + "/restart", Map.of(), user.token()), 400,
                "Service is not running");
        assertThat(client.get("/api/v1/services/" + slowId, user.token()).text("status")).isEqualTo("deploying");
        assertThat(client.delete("/api/v1/services/" + slowId, user.token()).status()).isEqualTo(200);
        assertThat(labelled(slowId)).isEmpty();

        // an image that is not on the host (and may not be pulled here): failed, and why
        Response absent = client.post("/api/v1/services", Map.of("name", "absent", "type", "absent",
                "config", Map.of("image", "hangar/absent-image:1", "ports", List.of(80))), user.token());
        String absentId = absent.text("id");
        assertThat(client.post("/api/v1/services/" + absentId + "/start", Map.of(), user.token()).status()).isEqualTo(200);
        awaitStatus(client, user.token(), absentId, "failed");
        JsonNode deployment = client.get("/api/v1/services", user.token()).body().path("services").get(0)
                .path("deployments").get(0);
        assertThat(deployment.path("status").asText()).isEqualTo("failed");
        assertThat(deployment.path("failure_reason").asText()).contains("hangar/absent-image:1").contains("not present");
        assertThat(labelled(absentId)).isEmpty();
        // a failed service may be started again
        assertThat(client.post("/api/v1/services/" + absentId + "/start", Map.of(), user.token()).status()).isEqualTo(200);
        awaitStatus(client, user.token(), absentId, "failed");
        assertThat(client.delete("/api/v1/services/" + absentId, user.token()).status()).isEqualTo(200);
        assertThat(labelled(absentId)).isEmpty();
    }

    @Test
    void aContainerThatDiesIsNoticedAndAStartReplacesIt() throws Exception {
        User user = client.newPlatformUser();
        Response created = client.post("/api/v1/services", Map.of("template_id", ServiceSupport.REDIS_TEMPLATE),
                user.token());
        String id = created.text("id");
        String container = client.post("/api/v1/services/" + id + "/start", Map.of(), user.token()).body()
                .path("deployment").path("nomad_job_id").asText();
        awaitStatus(client, user.token(), id, "running");

        DockerProbe.kill(container);
        Response failed = awaitStatus(client, user.token(), id, "failed");
        assertThat(failed.text("failure_reason")).contains("outside Hangar");
        JsonNode metrics = client.get("/api/v1/services/" + id + "/metrics", user.token()).body().path("metrics");
        assertThat(metrics.path("allocation_status").asText()).isEqualTo("failed");
        assertThat(metrics.path("memory_usage").asLong()).isZero();

        Response restarted = client.post("/api/v1/services/" + id + "/start", Map.of(), user.token());
        assertThat(restarted.status()).as(restarted.raw()).isEqualTo(200);
        String replacement = restarted.body().path("deployment").path("nomad_job_id").asText();
        awaitStatus(client, user.token(), id, "running");
        assertThat(ServiceSupport.exists(container)).isFalse();
        assertThat(ServiceSupport.exists(replacement)).isTrue();
        assertThat(client.delete("/api/v1/services/" + id, user.token()).status()).isEqualTo(200);
        assertThat(labelled(id)).isEmpty();
    }

    @Test
    void twentyRacingCreatesKeepOnePerTypeAndTheTenantsMaximum() throws Exception {
        User user = client.newPlatformUser();
        List<Response> sameType = race(20, i -> Map.of("name", "same-" + i, "type", "worker",
                "config", Map.of("image", "hangar/redis:7")), user);
        assertThat(sameType.stream().filter(r -> r.status() == 201)).hasSize(1);
        assertThat(sameType.stream().filter(r -> r.status() == 400
                && r.text("error").equals("Service already exists for this tenant"))).hasSize(19);

        User other = client.newPlatformUser();
        List<Response> manyTypes = race(20, i -> Map.of("name", "svc-" + i, "type", "type-" + i,
                "config", Map.of("image", "hangar/redis:7")), other);
        assertThat(manyTypes.stream().filter(r -> r.status() == 201)).hasSize(5);
        assertThat(manyTypes.stream().filter(r -> r.status() == 400
                && r.text("error").equals("Tenant has reached maximum number of services"))).hasSize(15);
        assertThat(client.get("/api/v1/services", other.token()).body().path("total").asInt()).isEqualTo(5);

        // a deleted service frees its place
        String first = manyTypes.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().text("id");
        assertThat(client.delete("/api/v1/services/" + first, other.token()).status()).isEqualTo(200);
        assertThat(client.post("/api/v1/services", Map.of("name", "late", "type", "late",
                "config", Map.of("image", "hangar/redis:7")), other.token()).status()).isEqualTo(201);
    }

    private List<Response> race(int n, java.util.function.IntFunction<Map<String, Object>> body, User user)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Map<String, Object> request = body.apply(i);
                Callable<Response> call = () -> {
                    go.await();
                    return client.post("/api/v1/services", request, user.token());
                };
                futures.add(pool.submit(call));
            }
            go.countDown();
            List<Response> out = new ArrayList<>();
            for (Future<Response> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertError(Response response, int status, String message) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.text("error")).isEqualTo(message);
    }
}
