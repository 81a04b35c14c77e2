package dev.hangar.api.surfaces;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.api.support.HangarClient;
import dev.hangar.api.support.HangarClient.Response;
import dev.hangar.api.support.HangarClient.User;
import dev.hangar.api.support.HangarHttpTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Health, error bodies of every surface, rate-limit header, OpenAPI and metrics. */
@HangarHttpTest
class SurfaceBasicsHttpTest {

    @LocalServerPort
    int port;
    HangarClient client;

    @BeforeEach
    void client() {
        client = new HangarClient(port);
    }

    @Test
    void healthAnswersTheUnionOnBothPaths() {
        for (String path : new String[] {"/health", "/api/v1/health"}) {
            Response r = client.get(path);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text("status")).isEqualTo("healthy");
            assertThat(r.text("version")).isNotBlank();
            assertThat(r.text("timestamp")).isNotBlank();
            assertThat(r.body().path("uptime").isNumber()).isTrue();
            assertThat(r.body().path("services").path("eventStore").asText()).isEqualTo("up");
            assertThat(r.body().path("services").path("readStore").asText()).isEqualTo("up");
            assertThat(r.body().path("performance").has("requestsPerMinute")).isTrue();
            assertThat(r.body().path("performance").has("averageResponseTime")).isTrue();
            assertThat(r.body().path("performance").has("errorRate")).isTrue();
            assertThat(r.body().path("system").path("memory").has("usedMB")).isTrue();
            assertThat(r.body().path("system").path("cpu").path("loadAverage").isArray()).isTrue();
        }
    }

    @Test
    void everySurfaceAnswers401InItsOwnBody() {
        Response platform = client.get("/api/v1/users/me");
        assertThat(platform.status()).isEqualTo(401);
        assertThat(platform.body().path("error").isTextual()).isTrue();

        Response databases = client.get("/api/databases");
        assertThat(databases.status()).isEqualTo(401);
        assertThat(databases.text("error")).isEqualTo("UNAUTHORIZED");
        assertThat(databases.text("path")).isEqualTo("/api/databases");

        Response instances = client.get("/api/instances");
        assertThat(instances.status()).isEqualTo(401);
        assertThat(instances.body().path("error").path("code").asText()).isEqualTo("UNAUTHORIZED");
        assertThat(instances.body().path("error").path("requestId").asText()).isNotBlank();
        assertThat(instances.body().path("error").has("details")).isTrue();
        assertThat(instances.body().path("error").has("timestamp")).isTrue();

        Response workspaces = client.get("/acme/api/v1/workspaces/main/instances");
        assertThat(workspaces.status()).isEqualTo(401);
        assertThat(workspaces.text("status")).isEqualTo("error");
        assertThat(workspaces.text("error")).isEqualTo("UNAUTHORIZED");
        assertThat(workspaces.text("message")).isNotBlank();
    }

    @Test
    void unknownPathsAre404AndWrongMethods405InTheSurfaceBody() {
        User user = client.newPlatformUser();
        Response platform = client.get("/api/v1/nothing-here", user.token());
        assertThat(platform.status()).isEqualTo(404);
        assertThat(platform.text("error")).isEqualTo("Not found");

        Response databases = client.get("/api/nothing-here", user.token());
        assertThat(databases.status()).isEqualTo(404);
        assertThat(databases.text("error")).isEqualTo("NOT_FOUND");
        assertThat(databases.text("path")).isEqualTo("/api/nothing-here");

        Response wrongMethod = client.send("DELETE", "/api/plans", null, user.token());
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.text("error")).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void everyAnswerCarriesTheRateLimitHeader() {
        User user = client.newPlatformUser();
        assertThat(client.get("/health").header("X-RateLimit-Remaining")).isNotNull();
        assertThat(client.get("/api/v1/users/me", user.token()).header("X-RateLimit-Remaining")).isNotNull();
        assertThat(client.get("/api/v1/users/me").header("X-RateLimit-Remaining")).isNotNull();
    }

    @Test
    void openApiGroupsEverySurface() {
        Response all = client.get("/v3/api-docs/swagger-config");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.raw()).contains("platform-v1", "databases", "instances", "workspaces");
        Response platform = client.get("/v3/api-docs/platform-v1");
        assertThat(platform.status()).isEqualTo(200);
        assertThat(platform.body().path("paths").has("/api/v1/auth/register")).isTrue();
        assertThat(platform.body().path("paths").has("/api/v1/admin/users")).isTrue();
        Response databases = client.get("/v3/api-docs/databases");
        assertThat(databases.body().path("paths").has("/api/auth/login")).isTrue();
        assertThat(databases.body().path("paths").has("/api/plans/current")).isTrue();
        assertThat(client.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void prometheusMetricsAreExposedAndActuatorIsOtherwiseAdminOnly() {
        Response prometheus = client.get("/actuator/prometheus");
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.raw()).contains("http_server_requests");
        assertThat(client.get("/actuator/metrics", client.newPlatformUser().token()).status()).isEqualTo(403);
        assertThat(client.get("/actuator/metrics", client.admin().token()).status()).isEqualTo(200);
    }
}
