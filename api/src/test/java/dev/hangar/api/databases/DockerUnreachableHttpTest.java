package dev.hangar.api.databases;

import static dev.hangar.api.databases.DatabasesAuthHttpTest.assertDatabasesError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.api.support.HangarClient;
import dev.hangar.api.support.HangarClient.Response;
import dev.hangar.api.support.HangarClient.User;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With no container engine to reach, create answers DOCKER_ERROR and keeps nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "hangar.data-dir=target/test-data/nodocker-${random.uuid}",
    "hangar.security.bcrypt-strength=4",
    "hangar.rate-limit.requests-per-minute=1000000",
    "hangar.provisioning.docker-host=tcp://127.0.0.1:1",
    "hangar.engines.redis.image=hangar/redis:7"
})
class DockerUnreachableHttpTest {

    @LocalServerPort
    int port;

    @Test
    void createAnswersDockerErrorAndNothingIsKept() {
        HangarClient client = new HangarClient(port);
        User user = client.newPlatformUser();

        Response r = client.post("/api/databases", Map.of("engine", "Redis"), user.token());

        assertDatabasesError(r, 500, "DOCKER_ERROR", "/api/databases");
        assertThat(client.get("/api/databases", user.token()).body().size()).isZero();
        assertThat(client.get("/api/plans/current", user.token()).body().path("usage").path("currentInstances").asInt())
                .isZero();
        Response engines = client.get("/api/engines", user.token());
        assertThat(engines.body().findValuesAsText("available")).containsOnly("false");
        assertThat(client.get("/health").body().path("services").path("containerRuntime").asText()).isEqualTo("down");
    }
}
