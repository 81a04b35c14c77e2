package dev.hangar.api.databases;

import static dev.hangar.api.support.DatabaseStatus.awaitStatus;
import static dev.hangar.api.databases.DatabasesAuthHttpTest.assertDatabasesError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.api.support.DockerProbe;
import dev.hangar.api.support.HangarClient;
import dev.hangar.api.support.HangarClient.Response;
import dev.hangar.api.support.HangarClient.User;
import dev.hangar.api.support.HangarHttpTest;
import dev.hangar.kernel.subscription.ChangePlan;
import dev.hangar.kernel.subscription.Plan;
import dev.hangar.kernel.subscription.SubscriptionIds;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Plan limits, ports under a race, engines, bad input and foreign ids on the Databases surface. */
@HangarHttpTest
class DatabaseRulesHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    HangarClient client;

    @BeforeEach
    void client() {
        client = new HangarClient(port);
    }

    @Test
    void enginesShowWhatTheHostCanRun() {
        Response r = client.get("/api/engines", client.newPlatformUser().token());

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().findValuesAsText("name"))
                .containsExactly("MySQL", "PostgreSQL", "MongoDB", "Redis", "Cassandra", "SQL Server");
        for (var engine : r.body()) {
            boolean expected = List.of("MySQL", "PostgreSQL", "Redis").contains(engine.path("name").asText());
            assertThat(engine.path("available").asBoolean()).as(engine.toString()).isEqualTo(expected);
            assertThat(engine.path("port").asInt()).isPositive();
            assertThat(engine.path("version").asText()).isNotBlank();
        }
    }

    @Test
    void twentyCreatesRacingOnFreeGiveExactlyTwoDatabasesOnDistinctPorts() throws Exception {
        User user = client.newPlatformUser();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return client.post("/api/databases", Map.of("engine", "Redis"), user.token());
            }));
        }
        start.countDown();
        List<Response> responses = new ArrayList<>();
        for (Future<Response> f : futures) {
            responses.add(f.get());
        }
        pool.shutdown();

        List<Response> won = responses.stream().filter(r -> r.status() == 201).toList();
        assertThat(won).hasSize(2);
        assertThat(responses).filteredOn(r -> r.status() == 403).hasSize(18)
                .allSatisfy(r -> assertThat(r.text("error")).isEqualTo("PLAN_LIMIT_REACHED"));
        assertThat(new HashSet<>(won.stream().map(r -> r.body().path("port").asInt()).toList())).hasSize(2);
        assertThat(client.get("/api/databases", user.token()).body().size()).isEqualTo(2);
        assertThat(client.get("/api/plans/current", user.token()).body().path("usage").path("remainingInstances").asInt())
                .isZero();

        Response third = client.post("/api/databases", Map.of("engine", "Redis"), user.token());
        assertDatabasesError(third, 403, "PLAN_LIMIT_REACHED", "/api/databases");

        for (Response r : won) {
            awaitStatus(client, user.token(), r.text("id"), "RUNNING");
            assertThat(client.delete("/api/databases/" + r.text("id"), user.token()).status()).isEqualTo(200);
        }
        assertThat(DockerProbe.containers("hangar.owner=" + user.id())).isEmpty();
        // the slots are free again
        Response again = client.post("/api/databases", Map.of("engine", "Redis"), user.token());
        assertThat(again.status()).isEqualTo(201);
        awaitStatus(client, user.token(), again.text("id"), "RUNNING");
        assertThat(client.delete("/api/databases/" + again.text("id"), user.token()).status()).isEqualTo(200);
    }

    @Test
    void badRequestsAreRefusedAndNothingIsKept() {
        User user = client.newPlatformUser();
        assertDatabasesError(client.post("/api/databases", Map.of(), user.token()), 400, "VALIDATION_ERROR",
                "/api/databases");
        assertDatabasesError(client.post("/api/databases", Map.of("engine", "Oracle"), user.token()), 400,
                "VALIDATION_ERROR", "/api/databases");
        Response unavailable = client.post("/api/databases", Map.of("engine", "MongoDB"), user.token());
        assertDatabasesError(unavailable, 400, "ENGINE_UNAVAILABLE", "/api/databases");
        assertThat(unavailable.text("message")).contains("MongoDB");
        assertDatabasesError(client.post("/api/databases", Map.of("engine", "Redis", "databaseName", "1-bad name"),
                user.token()), 400, "VALIDATION_ERROR", "/api/databases");
        assertDatabasesError(client.post("/api/databases", "{nope", user.token()), 400, "VALIDATION_ERROR",
                "/api/databases");
        assertDatabasesError(client.post("/api/databases", Map.of("engine", "Redis")), 401, "UNAUTHORIZED",
                "/api/databases");

        assertThat(client.get("/api/databases", user.token()).body().size()).isZero();
        assertThat(client.get("/api/plans/current", user.token()).body().path("usage").path("currentInstances").asInt())
                .isZero();
        assertThat(DockerProbe.containers("hangar.owner=" + user.id())).isEmpty();
    }

    @Test
    void paidPlansNeedADatabaseNameAndFreeGeneratesOne() throws Exception {
        User user = client.newPlatformUser();
        commands.sendAndWait(new ChangePlan(SubscriptionIds.forUser(user.id()), Plan.STANDARD));

        assertDatabasesError(client.post("/api/databases", Map.of("engine", "Redis"), user.token()), 400,
                "VALIDATION_ERROR", "/api/databases");
        Response named = client.post("/api/databases", Map.of("engine", "Redis", "databaseName", "my_database"),
                user.token());
        assertThat(named.status()).isEqualTo(201);
        assertThat(named.text("databaseName")).isEqualTo("my_database");
        awaitStatus(client, user.token(), named.text("id"), "RUNNING");
        assertThat(client.delete("/api/databases/" + named.text("id"), user.token()).status()).isEqualTo(200);
    }

    @Test
    void anotherUsersDatabaseIsNotFound() throws Exception {
        User owner = client.newPlatformUser();
        User other = client.newPlatformUser();
        Response created = client.post("/api/databases", Map.of("engine", "Redis"), owner.token());
        String id = created.text("id");
        String path = "/api/databases/" + id;

        for (Response r : List.of(client.get(path, other.token()), client.put(path + "/suspend", null, other.token()),
                client.put(path + "/resume", null, other.token()), client.delete(path, other.token()),
                client.post(path + "/rotate-password", null, other.token()),
                client.get(path + "/credentials/pdf", other.token()), client.get("/api/databases/unknown-id", owner.token()))) {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.text("error")).isEqualTo("INSTANCE_NOT_FOUND");
        }
        assertThat(client.get("/api/databases", other.token()).body().size()).isZero();

        awaitStatus(client, owner.token(), id, "RUNNING");
        assertThat(client.delete(path, owner.token()).status()).isEqualTo(200);
    }

    @Test
    void stateRulesAnswer409AndRepeatsAreHarmless() throws Exception {
        User user = client.newPlatformUser();
        String id = client.post("/api/databases", Map.of("engine", "Redis"), user.token()).text("id");
        awaitStatus(client, user.token(), id, "RUNNING");
        String path = "/api/databases/" + id;

        assertThat(client.put(path + "/resume", null, user.token()).text("status")).isEqualTo("RUNNING");
        assertThat(client.put(path + "/suspend", null, user.token()).text("status")).isEqualTo("SUSPENDED");
        assertThat(client.put(path + "/suspend", null, user.token()).text("status")).isEqualTo("SUSPENDED");
        Response rotate = client.post(path + "/rotate-password", null, user.token());
        assertThat(rotate.status()).isEqualTo(409);
        assertThat(rotate.text("error")).isEqualTo("INVALID_STATE");
        assertThat(client.delete(path, user.token()).status()).isEqualTo(200);
        assertThat(DockerProbe.containers("hangar.instance-id=" + id)).isEmpty();
    }
}
