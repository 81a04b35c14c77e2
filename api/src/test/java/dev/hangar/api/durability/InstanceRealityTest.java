package dev.hangar.api.durability;

import static dev.hangar.api.support.InstanceStatus.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hangar.api.support.DockerProbe;
import dev.hangar.api.support.HangarClient;
import dev.hangar.api.support.HangarClient.Response;
import dev.hangar.api.support.HangarClient.User;
import dev.hangar.api.support.RunningHangar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The listing against reality (issue 13) on the real engine: an instance and its container are
 * {@code merged}; a container labelled for the user that no instance owns is listed as {@code novita};
 * a container killed while Hangar was down (the reconciler held back, so nothing else notices) shows
 * as a difference, and {@code syncLocalState=true} makes the instance follow the engine.
 */
class InstanceRealityTest {

    static final String[] NO_RECONCILE = {"--hangar.provisioning.reconcile-initial-delay=10m",
        "--hangar.provisioning.reconcile-interval=10m"};

    static Map<String, JsonNode> byId(JsonNode listing) {
        Map<String, JsonNode> items = new HashMap<>();
        listing.path("instances").forEach(i -> items.put(i.path("id").asText(), i));
        return items;
    }

    static JsonNode comprehensive(HangarClient client, User user, String query) {
        Response r = client.get("/api/instances/comprehensive" + query, user.token());
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        JsonNode body = r.body();
        JsonNode sources = body.path("sources");
        assertThat(sources.path("local").asInt() + sources.path("novita").asInt() + sources.path("merged").asInt())
                .isEqualTo(body.path("total").asInt()).isEqualTo(body.path("instances").size());
        assertThat(body.path("performance").path("totalRequestTime").isNumber()).isTrue();
        assertThat(body.path("performance").path("novitaApiTime").isNumber()).isTrue();
        assertThat(body.path("performance").path("localDataTime").isNumber()).isTrue();
        assertThat(body.path("performance").path("mergeProcessingTime").isNumber()).isTrue();
        assertThat(body.path("performance").has("cacheHitRatio")).isTrue();
        return body;
    }

    @Test
    void theListingMergesTheEngineAndASyncMakesTheInstanceFollowIt() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "instance-reality-");
        String orphanId = UUID.randomUUID().toString();
        String orphan = "hangar-test-orphan-" + orphanId;
        User user;
        String id;
        try {
            try (RunningHangar hangar = RunningHangar.start(dataDir, NO_RECONCILE)) {
                HangarClient client = hangar.client;
                user = client.newPlatformUser();
                Response created = client.post("/api/instances", Map.of("name", "real", "instanceType", "small"),
                        user.token());
                assertThat(created.status()).as(created.raw()).isEqualTo(201);
                id = created.text("instanceId");
                awaitStatus(client, user.token(), id, "running");
                // a container with Hangar's labels for this user that no instance owns (a lost write, say)
                DockerProbe.lines("docker", "run", "-d", "--name", orphan, "--label", "hangar.instance-id=" + orphanId,
                        "--label", "hangar.owner=" + user.id(), "--label", "hangar.kind=instance",
                        "hangar/debian:bookworm", "sleep", "600");

                JsonNode all = comprehensive(client, user, "");
                assertThat(all.path("total").asInt()).isEqualTo(2);
                assertThat(all.path("sources").path("merged").asInt()).isEqualTo(1);
                assertThat(all.path("sources").path("novita").asInt()).isEqualTo(1);
                JsonNode mine = byId(all).get(id);
                assertThat(mine.path("source").asText()).isEqualTo("merged");
                assertThat(mine.path("dataConsistency").asText()).isEqualTo("consistent");
                assertThat(mine.path("lastSyncedAt").asText()).isNotBlank();
                assertThat(mine.path("productName").isMissingNode()).isFalse();
                JsonNode engineOnly = byId(all).get(orphanId);
                assertThat(engineOnly.path("source").asText()).isEqualTo("novita");
                assertThat(engineOnly.path("status").asText()).isEqualTo("running");
                assertThat(engineOnly.path("name").asText()).isEqualTo(orphan);

                JsonNode withoutEngineOnly = comprehensive(client, user, "?includeNovitaOnly=false");
                assertThat(withoutEngineOnly.path("total").asInt()).isEqualTo(1);
                assertThat(comprehensive(client, client.newPlatformUser(), "").path("total").asInt()).isZero();
                Response bad = client.get("/api/instances/comprehensive?syncLocalState=maybe", user.token());
                assertThat(bad.status()).as(bad.raw()).isEqualTo(400);
            }
            DockerProbe.kill("hangar-inst-" + id); // behind Hangar's back, while it is down
            try (RunningHangar hangar = RunningHangar.start(dataDir, NO_RECONCILE)) {
                HangarClient client = hangar.client;
                try {
                    JsonNode before = byId(comprehensive(client, user, "?includeNovitaOnly=false")).get(id);
                    assertThat(before.path("status").asText()).isEqualTo("running");
                    assertThat(before.path("source").asText()).isEqualTo("merged");
                    assertThat(before.path("dataConsistency").asText()).isEqualTo("status: local running, engine exited");

                    JsonNode synced = comprehensive(client, user, "?includeNovitaOnly=false&syncLocalState=true");
                    assertThat(synced.path("synced")).hasSize(1);
                    assertThat(synced.path("synced").get(0).path("instanceId").asText()).isEqualTo(id);
                    JsonNode after = byId(synced).get(id);
                    assertThat(after.path("status").asText()).isEqualTo("failed");
                    assertThat(after.path("dataConsistency").asText()).isEqualTo("consistent");
                    assertThat(after.path("statusMessage").asText()).contains("outside Hangar");
                    assertThat(client.get("/api/instances/" + id, user.token()).text("status")).isEqualTo("failed");
                    // nothing left to sync, on the plain listing too
                    Response plain = client.get("/api/instances?syncLocalState=true", user.token());
                    assertThat(plain.status()).as(plain.raw()).isEqualTo(200);
                    assertThat(plain.body().path("instances").get(0).path("status").asText()).isEqualTo("failed");
                } finally {
                    client.delete("/api/instances/" + id, user.token());
                }
            }
        } finally {
            DockerProbe.lines("docker", "rm", "-f", orphan);
        }
        assertThat(DockerProbe.containers("hangar.instance-id=" + id)).isEmpty();
        assertThat(DockerProbe.containers("hangar.instance-id=" + orphanId)).isEmpty();
        assertThat(DockerProbe.volumes("hangar.instance-id=" + id)).isEmpty();
    }
}
