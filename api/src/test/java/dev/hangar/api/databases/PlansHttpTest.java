package dev.hangar.api.databases;

import static dev.hangar.api.databases.DatabasesAuthHttpTest.assertDatabasesError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.api.support.HangarClient;
import dev.hangar.api.support.HangarClient.Response;
import dev.hangar.api.support.HangarHttpTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@HangarHttpTest
class PlansHttpTest {

    @LocalServerPort
    int port;
    HangarClient client;

    @BeforeEach
    void client() {
        client = new HangarClient(port);
    }

    @Test
    void plansListTheCatalog() {
        Response r = client.get("/api/plans", client.newPlatformUser().token());

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().size()).isEqualTo(3);
        assertThat(r.body().get(0).path("name").asText()).isEqualTo("FREE");
        assertThat(r.body().get(0).path("maxInstances").asInt()).isEqualTo(2);
        assertThat(r.body().get(0).path("price").asDouble()).isEqualTo(0.0);
        assertThat(r.body().get(1).path("name").asText()).isEqualTo("STANDARD");
        assertThat(r.body().get(1).path("maxInstances").asInt()).isEqualTo(5);
        assertThat(r.body().get(1).path("price").asDouble()).isEqualTo(19.99);
        assertThat(r.body().get(2).path("name").asText()).isEqualTo("PREMIUM");
        assertThat(r.body().get(2).path("maxInstances").asInt()).isEqualTo(10);
        assertThat(r.body().get(2).path("currency").asText()).isEqualTo("USD");
        assertThat(r.body().get(2).path("features").size()).isEqualTo(5);
        assertThat(r.body().get(1).path("id").asInt()).isEqualTo(2);
    }

    @Test
    void aNewUserIsOnFreeWithNothingUsed() {
        Response r = client.get("/api/plans/current", client.newPlatformUser().token());

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("plan").path("name").asText()).isEqualTo("FREE");
        assertThat(r.body().path("plan").path("maxInstances").asInt()).isEqualTo(2);
        assertThat(r.body().path("plan").path("price").asDouble()).isEqualTo(0.0);
        assertThat(r.body().path("usage").path("currentInstances").asInt()).isEqualTo(0);
        assertThat(r.body().path("usage").path("remainingInstances").asInt()).isEqualTo(2);
        assertThat(r.body().path("usage").path("percentage").asInt()).isEqualTo(0);
    }

    @Test
    void plansNeedAToken() {
        assertDatabasesError(client.get("/api/plans"), 401, "UNAUTHORIZED", "/api/plans");
        assertDatabasesError(client.get("/api/plans/current"), 401, "UNAUTHORIZED", "/api/plans/current");
    }
}
