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
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A compute instance's whole life against the real Docker engine and the local workspace image: both
 * create bodies, running once its Jupyter really answers at the published endpoint, stopped and started
 * by id and by name, renamed and stopped/started by PATCH, deleted with nothing labelled left.
 */
@HangarHttpTest
class InstanceLifecycleHttpTest {

    @LocalServerPort
    int port;
    HangarClient client;

    private final java.util.List<User> users = new java.util.ArrayList<>();

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
    @org.junit.jupiter.api.AfterEach
    void cleanUp() {
        for (User user : users) {
            for (JsonNode item : client.get("/api/instances", user.token()).body().path("instances")) {
                client.delete("/api/instances/" + item.path("id").asText(), user.token());
            }
        }
    }

    @Test
    void aSeed004InstanceLivesItsWholeLifeOnTheRealEngine() throws Exception {
        User user = user();
        String name = HangarClient.unique("gpu-box").replace('.', '-');

        Response created = client.post("/api/instances", Map.of("name", name, "productName", "RTX 4090 24GB",
                "templateId", "pytorch-jupyter", "gpuNum", 1, "rootfsSize", 60, "region", "CN-HK-01",
                "webhookUrl", "https://example.com/hook"), user.token());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.text("instanceId");
        String token = created.text("accessToken");
        assertThat(created.text("status")).isEqualTo("creating");
        assertThat(Instant.parse(created.text("estimatedReadyTime"))).isAfter(Instant.now().minusSeconds(5));
        assertThat(created.body().path("instance").path("id").asText()).isEqualTo(id);
        assertThat(created.body().path("instance").path("status").asText()).isEqualTo("creating");
        assertThat(created.body().path("instance").has("ipAddress")).isTrue();
        assertThat(token).hasSize(32);

        Response running = awaitStatus(client, user.token(), id, "running");
        JsonNode body = running.body();
        assertThat(body.path("readyAt").asText()).isNotBlank();
        assertThat(body.path("gpuNum").asInt()).isEqualTo(1);
        assertThat(body.path("productName").asText()).isEqualTo("RTX 4090 24GB");
        assertThat(body.path("templateId").asText()).isEqualTo("pytorch-jupyter");
        // this machine has no NVIDIA GPU: the instance runs without and says so
        assertThat(body.path("gpuAttached").asBoolean()).isFalse();
        assertThat(body.path("gpuNote").asText()).contains("no NVIDIA GPUs");
        assertThat(body.path("novitaInstanceId").asText()).hasSize(64);
        assertThat(body.has("clusterId")).isTrue();
        assertThat(body.path("clusterId").isNull()).isTrue();
        assertThat(body.path("instance").path("name").asText()).isEqualTo(name);
        assertThat(body.path("portMappings")).hasSize(3);
        assertThat(body.path("connectionDetails").path("ssh").asText()).startsWith("ssh root@localhost -p ");
        assertThat(body.path("connectionDetails").path("jupyter").asText()).startsWith("http://localhost:");
        assertThat(body.path("connectionDetails").path("webTerminal").asText()).startsWith("http://localhost:");
        HttpResponse<String> api = jupyter(running, "/api/status?token=" + token);
        assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
        assertThat(api.body()).contains("\"started\"");
        assertThat(jupyter(running, "/api/status").statusCode()).isEqualTo(403); // the token is required

        // stop by id: answers once the container has stopped
        Response stopped = client.post("/api/instances/" + id + "/stop", Map.of(), user.token());
        assertThat(stopped.status()).as(stopped.raw()).isEqualTo(200);
        assertThat(stopped.text("status")).isEqualTo("stopped");
        assertThat(stopped.text("operationId")).startsWith("op_stop_");
        assertThat(DockerProbe.lines("docker", "inspect", "-f", "{{.State.Running}}", "hangar-inst-" + id))
                .containsExactly("false");
        // stopping a stopped one is harmless
        assertThat(client.post("/api/instances/stop", Map.of("instanceName", name), user.token()).text("status"))
                .isEqualTo("stopped");

        // start by name: 202 starting, then running with Jupyter answering again
        Response started = client.post("/api/instances/start", Map.of("instanceName", name,
                "healthCheckConfig", Map.of("timeoutMs", 5000, "retryAttempts", 3, "retryDelayMs", 500,
                        "maxWaitTimeMs", 120000)), user.token());
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        assertThat(started.text("status")).isEqualTo("starting");
        assertThat(started.text("operationId")).startsWith("op_start_");
        assertThat(started.text("novitaInstanceId")).hasSize(64);
        running = awaitStatus(client, user.token(), id, "running");
        assertThat(jupyter(running, "/api/status?token=" + token).statusCode()).isEqualTo(200);
        // starting a running one is harmless
        Response again = client.post("/api/instances/" + id + "/start", Map.of(), user.token());
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.text("status")).isEqualTo("running");

        // PATCH: rename, then stop and start by status
        String renamed = name + "-r";
        Response patched = client.patch("/api/instances/" + id, Map.of("name", renamed, "status", "stopped"), user.token());
        assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
        assertThat(patched.body().path("instance").path("name").asText()).isEqualTo(renamed);
        assertThat(patched.body().path("instance").path("status").asText()).isEqualTo("stopped");
        assertThat(client.post("/api/instances/stop", Map.of("instanceName", name), user.token()).status()).isEqualTo(404);
        // the details were read (and cached) before; the next read already shows the change
        JsonNode details = client.get("/api/instances/" + id, user.token()).body();
        assertThat(details.path("name").asText()).isEqualTo(renamed);
        assertThat(details.path("status").asText()).isEqualTo("stopped");
        patched = client.patch("/api/instances/" + id, Map.of("status", "running"), user.token());
        assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
        running = awaitStatus(client, user.token(), id, "running");
        assertThat(jupyter(running, "/api/status?token=" + token).statusCode()).isEqualTo(200);

        // the list carries the fields of both documents
        Response list = client.get("/api/instances?source=all&includeNovitaOnly=false&syncLocalState=false", user.token());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().path("total").asInt()).isEqualTo(1);
        JsonNode item = list.body().path("instances").get(0);
        for (String field : new String[] {"id", "userId", "name", "status", "region", "instanceType", "ipAddress",
                "gpuNum", "productName", "templateId", "portMappings", "createdAt", "updatedAt", "readyAt", "lastUsedAt"}) {
            assertThat(item.has(field)).as(field).isTrue();
        }

        // delete: container and volume gone, 404 afterwards
        Response deleted = client.delete("/api/instances/" + id, user.token());
        assertThat(deleted.status()).as(deleted.raw()).isEqualTo(200);
        assertThat(deleted.body().path("success").asBoolean()).isTrue();
        assertThat(client.get("/api/instances/" + id, user.token()).status()).isEqualTo(404);
        assertThat(DockerProbe.containers("hangar.instance-id=" + id)).isEmpty();
        assertThat(DockerProbe.volumes("hangar.instance-id=" + id)).isEmpty();
    }

    @Test
    void aSeed001InstanceByInstanceTypeRunsAndGoes() throws Exception {
        User user = user();
        Response created = client.post("/api/instances", Map.of("name", "My_Instance", "region", "us-east-1",
                "instanceType", "small"), user.token());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.text("instanceId");
        JsonNode instance = created.body().path("instance");
        assertThat(instance.path("userId").asText()).isEqualTo(user.id());
        assertThat(instance.path("region").asText()).isEqualTo("us-east-1");
        assertThat(instance.path("instanceType").asText()).isEqualTo("small");
        assertThat(instance.path("ipAddress").isNull()).isTrue();

        Response running = awaitStatus(client, user.token(), id, "running");
        assertThat(running.body().path("instance").path("ipAddress").asText()).isEqualTo("localhost");
        assertThat(running.body().path("gpuNum").asInt()).isZero();
        assertThat(jupyter(running, "/api/status?token=" + created.text("accessToken")).statusCode()).isEqualTo(200);
        assertThat(DockerProbe.lines("docker", "inspect", "-f", "{{.HostConfig.Memory}} {{.HostConfig.NanoCpus}}",
                "hangar-inst-" + id)).containsExactly((1024L * 1024 * 1024) + " 1000000000");

        // measured: the next create's estimate comes from this one's create-to-running time
        Response next = client.post("/api/instances", Map.of("name", "second", "instanceType", "small"), user.token());
        assertThat(next.status()).as(next.raw()).isEqualTo(201);
        long estimate = Instant.parse(next.text("estimatedReadyTime")).toEpochMilli()
                - Instant.parse(next.body().path("instance").path("createdAt").asText()).toEpochMilli();
        assertThat(estimate).isNotEqualTo(30_000L);

        assertThat(client.delete("/api/instances/" + id, user.token()).status()).isEqualTo(200);
        assertThat(client.delete("/api/instances/" + next.text("instanceId"), user.token()).status()).isEqualTo(200);
        assertThat(DockerProbe.containers("hangar.instance-id=" + id)).isEmpty();
        assertThat(DockerProbe.containers("hangar.instance-id=" + next.text("instanceId"))).isEmpty();
    }
}
