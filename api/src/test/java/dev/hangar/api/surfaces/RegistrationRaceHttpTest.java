package dev.hangar.api.surfaces;

import static dev.hangar.api.support.HangarClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.api.support.HangarClient;
import dev.hangar.api.support.HangarClient.Response;
import dev.hangar.api.support.HangarHttpTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Uniqueness is enforced at command time: of 20 racing registrations of one email, exactly one wins. */
@HangarHttpTest
class RegistrationRaceHttpTest {

    @LocalServerPort
    int port;
    HangarClient client;

    @BeforeEach
    void client() {
        client = new HangarClient(port);
    }

    private List<Response> race(int n, IntFunction<Response> attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                start.await();
                return attempt.apply(index);
            }));
        }
        start.countDown();
        List<Response> responses = new ArrayList<>();
        for (Future<Response> f : futures) {
            responses.add(f.get());
        }
        pool.shutdown();
        return responses;
    }

    @Test
    void twentyPlatformRegistrationsOfOneEmailGiveExactlyOneUser() throws Exception {
        String email = unique("race") + "@example.com";
        List<Response> responses = race(20, i -> client.post("/api/v1/auth/register",
                Map.of("username", unique("racer_") + i, "email", i % 2 == 0 ? email : email.toUpperCase(),
                        "password", "Password1!")));

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() == 400).hasSize(19)
                .allSatisfy(r -> assertThat(r.text("error")).isEqualTo("Username or email already exists"));
        String winner = responses.stream().filter(r -> r.status() == 201).findFirst().orElseThrow()
                .body().path("user").path("username").asText();
        Response login = client.post("/api/v1/auth/login", Map.of("username", email, "password", "Password1!"));
        assertThat(login.body().path("user").path("username").asText()).isEqualTo(winner);
        Response users = client.get("/api/v1/admin/users?limit=1000", client.admin().token());
        assertThat(users.body().path("users").findValuesAsText("email")).filteredOn(email::equals).hasSize(1);
    }

    @Test
    void twentyDatabasesRegistrationsOfOneEmailGiveExactlyOneUser() throws Exception {
        String email = unique("race") + "@example.com";
        List<Response> responses = race(20, i -> client.post("/api/auth/register",
                Map.of("email", email, "password", "SecurePass123!", "name", "Racer " + i)));

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() == 400).hasSize(19)
                .allSatisfy(r -> assertThat(r.text("error")).isEqualTo("VALIDATION_ERROR"));
    }

    @Test
    void twentyRegistrationsOfOneUsernameGiveExactlyOneUser() throws Exception {
        String username = unique("same_");
        List<Response> responses = race(20, i -> client.post("/api/v1/auth/register",
                Map.of("username", username, "email", unique("r" + i) + "@example.com", "password", "Password1!")));

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() == 400).hasSize(19);
    }
}
