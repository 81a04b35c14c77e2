package dev.hangar.api.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.api.support.HangarClient;
import dev.hangar.api.support.HangarClient.Response;
import dev.hangar.api.support.HangarClient.User;
import dev.hangar.api.support.HangarHttpTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Issue 14, "capacity": a host at its configured maximum of workloads answers create with 503 in the surface's body. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "hangar.data-dir=target/test-data/capacity-${random.uuid}",
    "hangar.security.bcrypt-strength=4",
    "hangar.rate-limit.requests-per-minute=1000000",
    "hangar.provisioning.max-workloads-per-host=1",
    "hangar.engines.redis.image=" + HangarHttpTest.REDIS_IMAGE,
    "hangar.provisioning.pull-policy=never"
})
class HostCapacityHttpTest {

    @DynamicPropertySource
    static void ports(DynamicPropertyRegistry registry) throws IOException {
        int start;
        try (ServerSocket socket = new ServerSocket(0)) {
            start = socket.getLocalPort();
        }
        registry.add("hangar.provisioning.port-range-start", () -> start);
        registry.add("hangar.provisioning.port-range-end", () -> start + 20);
    }

    @LocalServerPort
    int port;

    @Test
    void aFullHostAnswers503AndStoresNothing() {
        HangarClient client = new HangarClient(port);
        User user = client.newPlatformUser();
        Response first = client.post("/api/databases", Map.of("engine", "Redis"), user.token());
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        try {
            Response full = client.post("/api/databases", Map.of("engine", "Redis"), user.token());
            assertThat(full.status()).as(full.raw()).isEqualTo(503);
            assertThat(full.text("error")).isEqualTo("NO_PORT_AVAILABLE");
            assertThat(full.text("message")).contains("capacity of 1");
            assertThat(full.text("path")).isEqualTo("/api/databases");
            // nothing stored for the refusal: the plan's slot is still free, one database is listed
            assertThat(client.get("/api/auth/profile", user.token()).body().path("plan").path("currentUsage").asInt())
                    .isEqualTo(1);
        } finally {
            client.delete("/api/databases/" + first.text("id"), user.token());
        }
    }
}
