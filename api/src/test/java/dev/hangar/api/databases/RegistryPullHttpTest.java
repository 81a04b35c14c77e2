package dev.hangar.api.databases;

import static dev.hangar.api.support.DatabaseStatus.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hangar.api.support.DockerProbe;
import dev.hangar.api.support.HangarClient;
import dev.hangar.api.support.HangarClient.Response;
import dev.hangar.api.support.HangarClient.User;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Hangar pulls a missing image from a real registry: Debian's docker-registry (hangar/registry:2,
 * built by scripts/build-images.sh with HANGAR_EXTRA_IMAGES=registry, as scripts/test.sh does)
 * runs on 127.0.0.1:&lt;random port&gt;; hangar/redis:7 is pushed to it and removed from the host;
 * Hangar creates a Redis database from 127.0.0.1:&lt;port&gt;/hangar/redis:7 (pull policy missing)
 * and it reaches RUNNING. A tag the registry does not have ends the create in FAILED with the
 * registry's reason, and GET /api/engines then says why that engine cannot run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "hangar.data-dir=target/test-data/registry-${random.uuid}",
    "hangar.security.bcrypt-strength=4",
    "hangar.rate-limit.requests-per-minute=1000000",
    "hangar.engines.postgresql.image=hangar/postgres:15",
    "hangar.provisioning.pull-policy=missing"
})
class RegistryPullHttpTest {

    static final String REGISTRY_IMAGE = "hangar/registry:2";
    static String registryContainer;
    static String registry;

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate eventStore;

    @DynamicPropertySource
    static void images(DynamicPropertyRegistry properties) throws Exception {
        startRegistry();
        properties.add("hangar.engines.redis.image", () -> redisImage());
        properties.add("hangar.engines.mysql.image", () -> registry + "/hangar/mariadb:no-such-tag");
        // compute instances pull by the same mechanism: a template whose image is only in the registry
        // (Redis, probed on its TCP port) and one whose tag the registry does not have
        properties.add("hangar.instances.catalog.templates.pulled.name", () -> "Pulled");
        properties.add("hangar.instances.catalog.templates.pulled.image", RegistryPullHttpTest::instanceImage);
        properties.add("hangar.instances.catalog.templates.pulled.ports[0].port", () -> "6379");
        properties.add("hangar.instances.catalog.templates.pulled.ports[0].type", () -> "tcp");
        properties.add("hangar.instances.catalog.templates.missing.name", () -> "Missing");
        properties.add("hangar.instances.catalog.templates.missing.image", () -> registry + "/hangar/workspace:no-such-tag");
        properties.add("hangar.instances.catalog.templates.missing.ports[0].port", () -> "8888");
        properties.add("hangar.instances.catalog.templates.missing.ports[0].type", () -> "jupyter");
    }

    static String instanceImage() {
        return registry + "/hangar/instance-redis:7";
    }

    static String redisImage() {
        return registry + "/hangar/redis:7";
    }

    static synchronized void startRegistry() throws Exception {
        if (registryContainer != null) {
            return;
        }
        assertThat(DockerProbe.lines("docker", "image", "ls", "-q", REGISTRY_IMAGE))
                .as("%s is built by: HANGAR_EXTRA_IMAGES=registry bash scripts/build-images.sh", REGISTRY_IMAGE)
                .isNotEmpty();
        registryContainer = DockerProbe.lines("docker", "run", "-d", "--rm", "--label", "hangar.test=registry",
                "-p", "127.0.0.1::5000", REGISTRY_IMAGE).get(0);
        String published = DockerProbe.lines("docker", "port", registryContainer, "5000/tcp").get(0);
        registry = "127.0.0.1:" + published.substring(published.lastIndexOf(':') + 1);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            try {
                int status = http.send(HttpRequest.newBuilder(URI.create("http://" + registry + "/v2/")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    break;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the registry at " + registry + " did not answer");
            }
            Thread.sleep(200);
        }
        DockerProbe.lines("docker", "tag", "hangar/redis:7", redisImage());
        DockerProbe.lines("docker", "push", redisImage());
        DockerProbe.lines("docker", "rmi", redisImage());
        assertThat(DockerProbe.lines("docker", "image", "ls", "-q", redisImage())).isEmpty();
        DockerProbe.lines("docker", "tag", "hangar/redis:7", instanceImage());
        DockerProbe.lines("docker", "push", instanceImage());
        DockerProbe.lines("docker", "rmi", instanceImage());
        assertThat(DockerProbe.lines("docker", "image", "ls", "-q", instanceImage())).isEmpty();
    }

    @AfterAll
    static void stopRegistry() {
        if (registryContainer != null) {
            for (String image : List.of(redisImage(), instanceImage())) {
                try {
                    DockerProbe.lines("docker", "rmi", image);
                } catch (IllegalStateException e) {
                    // not pulled, or still used: nothing to clean
                }
            }
            DockerProbe.remove(registryContainer);
        }
    }

    @Test
    void aMissingImageIsPulledFromTheRegistryAndTheDatabaseRuns() throws Exception {
        HangarClient client = new HangarClient(port);
        User user = client.newPlatformUser();

        JsonNode redis = engine(client, user, "Redis");
        assertThat(redis.path("available").asBoolean()).isTrue();
        assertThat(redis.path("image").asText()).isEqualTo(redisImage());
        assertThat(redis.path("reason").asText()).contains("not on the host yet").contains("pulls it");

        Response created = client.post("/api/databases", Map.of("engine", "Redis"), user.token());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.text("id");
        awaitStatus(client, user.token(), id, "RUNNING");
        assertThat(DockerProbe.lines("docker", "image", "ls", "-q", redisImage())).isNotEmpty();
        JsonNode after = engine(client, user, "Redis");
        assertThat(after.path("available").asBoolean()).isTrue();
        assertThat(after.path("reason").isNull()).as(after.toString()).isTrue();

        assertThat(client.delete("/api/databases/" + id, user.token()).status()).isEqualTo(200);
        awaitGone(id);
    }

    @Test
    void aTagTheRegistryDoesNotHaveEndsFailedWithTheRegistrysReason() throws Exception {
        HangarClient client = new HangarClient(port);
        User user = client.newPlatformUser();

        Response created = client.post("/api/databases", Map.of("engine", "MySQL"), user.token());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        Response failed = awaitStatus(client, user.token(), created.text("id"), "FAILED");
        // distribution answers "manifest unknown" for a tag it does not have
        assertThat(failed.text("failureReason")).contains("no-such-tag").containsIgnoringCase("manifest unknown");

        JsonNode mysql = engine(client, user, "MySQL");
        assertThat(mysql.path("available").asBoolean()).isFalse();
        assertThat(mysql.path("reason").asText()).contains("last pull failed").containsIgnoringCase("manifest unknown");
        assertThat(DockerProbe.containers("hangar.instance-id=" + created.text("id"))).isEmpty();
    }

    @Test
    void aComputeInstanceWhoseTemplateImageIsMissingIsPulledAndRuns() throws Exception {
        HangarClient client = new HangarClient(port);
        User user = client.newPlatformUser();
        Response created = client.post("/api/instances", Map.of("name", "pulled", "instanceType", "small",
                "templateId", "pulled"), user.token());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.text("instanceId");
        Response running = dev.hangar.api.support.InstanceStatus.awaitStatus(client, user.token(), id, "running");
        assertThat(running.text("imageUrl")).isEqualTo(instanceImage());
        // the pull's progress was the instance's status message while it was creating
        assertThat(eventStore.queryForList("select payload from domainevententry where aggregateidentifier = ? "
                + "and payloadtype like '%InstanceProgressed'", byte[].class, id).stream()
                .map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8)).toList())
                .anyMatch(p -> p.contains("Pulling image " + instanceImage()))
                .anyMatch(p -> p.contains("Pulled image " + instanceImage()));
        assertThat(DockerProbe.lines("docker", "image", "ls", "-q", instanceImage())).isNotEmpty();
        assertThat(client.delete("/api/instances/" + id, user.token()).status()).isEqualTo(200);
        awaitGone(id);
    }

    @Test
    void aComputeInstanceWhoseTagTheRegistryLacksFailsWithTheRegistrysReason() throws Exception {
        HangarClient client = new HangarClient(port);
        User user = client.newPlatformUser();
        Response created = client.post("/api/instances", Map.of("name", "missing", "instanceType", "small",
                "templateId", "missing"), user.token());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.text("instanceId");
        Response failed = dev.hangar.api.support.InstanceStatus.awaitStatus(client, user.token(), id, "failed");
        assertThat(failed.text("statusMessage")).contains("no-such-tag").containsIgnoringCase("manifest unknown");
        assertThat(DockerProbe.containers("hangar.instance-id=" + id)).isEmpty();
        assertThat(client.delete("/api/instances/" + id, user.token()).status()).isEqualTo(200);
        awaitGone(id);
    }

    private static JsonNode engine(HangarClient client, User user, String name) {
        Response engines = client.get("/api/engines", user.token());
        assertThat(engines.status()).isEqualTo(200);
        return StreamSupport.stream(engines.body().spliterator(), false)
                .filter(e -> name.equals(e.path("name").asText())).findFirst().orElseThrow();
    }

    private static void awaitGone(String id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        List<String> left;
        do {
            left = DockerProbe.containers("hangar.instance-id=" + id);
            if (left.isEmpty() && DockerProbe.volumes("hangar.instance-id=" + id).isEmpty()) {
                return;
            }
            Thread.sleep(250);
        } while (System.currentTimeMillis() < deadline);
        throw new AssertionError("database " + id + " left containers behind: " + left);
    }
}
