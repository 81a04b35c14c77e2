package dev.hangar.api.instances;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.api.support.HangarClient;
import dev.hangar.api.support.HangarClient.Response;
import dev.hangar.api.support.HangarClient.User;
import dev.hangar.api.support.HangarHttpTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The operator requires GPUs and this host has none (no {@code nvidia} runtime): a GPU product answers
 * 503 GPU_UNAVAILABLE and nothing is made; an instance type without GPUs still runs. (The other way,
 * a host without GPUs running the instance without them, is in {@link InstanceLifecycleHttpTest}.)
 */
@HangarHttpTest
@TestPropertySource(properties = "hangar.instances.catalog.require-gpus=true")
class InstanceGpuRequiredHttpTest {

    @LocalServerPort
    int port;

    @Test
    void aGpuProductIsRefusedWhenGpusAreRequiredAndAbsent() {
        HangarClient client = new HangarClient(port);
        User user = client.newPlatformUser();
        Response r = client.post("/api/instances", Map.of("name", "gpu", "productName", "RTX 4090 24GB",
                "templateId", "pytorch-jupyter"), user.token());
        assertThat(r.status()).as(r.raw()).isEqualTo(503);
        assertThat(r.body().path("error").path("code").asText()).isEqualTo("GPU_UNAVAILABLE");
        assertThat(r.body().path("error").path("message").asText()).contains("NVIDIA");
        assertThat(client.get("/api/instances", user.token()).body().path("total").asInt()).isZero();
        // the name and the slots are still free: nothing was reserved
        Response again = client.post("/api/instances", Map.of("name", "gpu", "instanceType", "small"), user.token());
        assertThat(again.status()).as(again.raw()).isEqualTo(201);
        assertThat(client.delete("/api/instances/" + again.text("instanceId"), user.token()).status()).isEqualTo(200);
    }
}
