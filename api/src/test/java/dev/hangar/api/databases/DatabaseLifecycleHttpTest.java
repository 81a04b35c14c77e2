package dev.hangar.api.databases;

import static dev.hangar.api.support.DatabaseStatus.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hangar.api.support.DockerProbe;
import dev.hangar.api.support.EngineClients;
import dev.hangar.api.support.HangarClient;
import dev.hangar.api.support.HangarClient.Response;
import dev.hangar.api.support.HangarClient.User;
import dev.hangar.api.support.HangarHttpTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import redis.clients.jedis.Jedis;

/**
 * A user's database, end to end against the real Docker engine: created, reached with a real
 * client at the host and port of the 201 answer, password rotated, suspended, resumed on the
 * same port with its data, deleted with container and volume.
 */
@HangarHttpTest
@ExtendWith(OutputCaptureExtension.class)
class DatabaseLifecycleHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate readStore;
    @Autowired
    JdbcTemplate eventStore;
    HangarClient client;

    @BeforeEach
    void client() {
        client = new HangarClient(port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PostgreSQL", "MySQL", "Redis"})
    void aDatabaseLivesItsWholeLifeOnARealEngine(String engine, CapturedOutput output) throws Exception {
        User user = client.newPlatformUser();

        Response created = client.post("/api/databases", Map.of("engine", engine), user.token());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.text("id");
        String password = created.text("password");
        String username = created.text("username");
        String database = created.text("databaseName");
        int dbPort = created.body().path("port").asInt();
        assertThat(created.text("status")).isEqualTo("CREATING");
        assertThat(created.text("engine")).isEqualTo(engine);
        assertThat(created.text("host")).isEqualTo("localhost");
        assertThat(dbPort).isBetween(30000, 39999);
        assertThat(database).startsWith("db_");
        assertThat(password).hasSizeGreaterThanOrEqualTo(16);
        assertThat(created.text("connectionString")).contains("@localhost:" + dbPort + "/")
                .contains(java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        assertThat(created.text("createdAt")).isNotBlank();

        Response running = awaitStatus(client, user.token(), id, "RUNNING");
        assertThat(running.body().path("port").asInt()).isEqualTo(dbPort);
        assertThat(running.text("connectionString")).doesNotContain(password).contains(username + "@localhost:" + dbPort);
        assertThat(running.text("containerId")).isNotBlank();
        assertThat(DockerProbe.containers("hangar.instance-id=" + id)).hasSize(1);
        assertThat(DockerProbe.containers("hangar.owner=" + user.id())).hasSize(1);
        // the FREE plan's limits: 256 MiB, half a CPU; and the named volume
        assertThat(DockerProbe.lines("docker", "inspect", "--format",
                "{{.HostConfig.Memory}} {{.HostConfig.NanoCpus}} {{range .Mounts}}{{.Name}}{{end}}", running.text("containerId")))
                .containsExactly("268435456 500000000 " + running.text("containerId") + "-data");

        write(engine, dbPort, database, username, password);

        Response rotated = client.post("/api/databases/" + id + "/rotate-password", null, user.token());
        assertThat(rotated.status()).as(rotated.raw()).isEqualTo(200);
        String newPassword = rotated.text("newPassword");
        assertThat(newPassword).isNotEqualTo(password);
        assertThat(rotated.text("username")).isEqualTo(username);
        assertThat(rotated.text("message")).isEqualTo("Password rotated successfully");
        assertRefused(engine, dbPort, database, username, password);
        assertThat(read(engine, dbPort, database, username, newPassword)).isEqualTo("42");

        Response suspended = client.put("/api/databases/" + id + "/suspend", null, user.token());
        assertThat(suspended.status()).as(suspended.raw()).isEqualTo(200);
        assertThat(suspended.text("status")).isEqualTo("SUSPENDED");
        assertThat(suspended.text("message")).isEqualTo("Instance suspended successfully");
        assertRefused(engine, dbPort, database, username, newPassword);

        Response resumed = client.put("/api/databases/" + id + "/resume", null, user.token());
        assertThat(resumed.status()).as(resumed.raw()).isEqualTo(200);
        assertThat(resumed.text("status")).isEqualTo("RUNNING");
        assertThat(client.get("/api/databases/" + id, user.token()).body().path("port").asInt()).isEqualTo(dbPort);
        assertThat(read(engine, dbPort, database, username, newPassword)).isEqualTo("42");

        Response list = client.get("/api/databases", user.token());
        assertThat(list.body().size()).isEqualTo(1);
        assertThat(list.body().get(0).path("id").asText()).isEqualTo(id);
        assertThat(list.body().get(0).path("status").asText()).isEqualTo("RUNNING");
        assertThat(client.get("/api/plans/current", user.token()).body().path("usage").path("currentInstances").asInt())
                .isEqualTo(1);
        assertThat(client.get("/api/auth/profile", user.token()).body().path("plan").path("currentUsage").asInt())
                .isEqualTo(1);

        assertCredentialsPdf(user, id, dbPort, username);
        assertNoSecretStored(password, newPassword, output);

        Response deleted = client.delete("/api/databases/" + id, user.token());
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.text("message")).isEqualTo("Instance deleted successfully");
        Response gone = client.get("/api/databases/" + id, user.token());
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.text("error")).isEqualTo("INSTANCE_NOT_FOUND");
        assertThat(DockerProbe.containers("hangar.instance-id=" + id)).isEmpty();
        assertThat(DockerProbe.volumes("hangar.instance-id=" + id)).isEmpty();
        assertThat(client.get("/api/plans/current", user.token()).body().path("usage").path("currentInstances").asInt())
                .isZero();
    }

    private void assertCredentialsPdf(User user, String id, int dbPort, String username) throws Exception {
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/databases/" + id + "/credentials/pdf"))
                .header("Authorization", "Bearer " + user.token()).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(String.valueOf(dbPort)).contains(username).contains("localhost");
        }
    }

    /** Not in the read store, the event store or the logs. */
    private void assertNoSecretStored(String password, String newPassword, CapturedOutput output) {
        for (String collection : readStore.getCollectionNames()) {
            for (Document doc : readStore.findAll(Document.class, collection)) {
                assertThat(doc.toJson()).doesNotContain(password).doesNotContain(newPassword);
            }
        }
        eventStore.query("select payload from domainevententry", rs -> {
            String payload = new String(rs.getBytes(1), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(payload).doesNotContain(password).doesNotContain(newPassword);
        });
        assertThat(output.getAll()).doesNotContain(password).doesNotContain(newPassword);
    }

    private static void write(String engine, int port, String db, String user, String password) throws Exception {
        if (engine.equals("Redis")) {
            try (Jedis jedis = EngineClients.redis(port, password)) {
                jedis.set("answer", "42");
            }
            return;
        }
        try (Connection c = EngineClients.jdbc(engine, port, db, user, password)) {
            c.createStatement().execute("create table answers (x int)");
            c.createStatement().execute("insert into answers values (42)");
        }
    }

    private static String read(String engine, int port, String db, String user, String password) throws Exception {
        if (engine.equals("Redis")) {
            try (Jedis jedis = EngineClients.redis(port, password)) {
                return jedis.get("answer");
            }
        }
        try (Connection c = EngineClients.jdbc(engine, port, db, user, password);
             ResultSet rs = c.createStatement().executeQuery("select x from answers")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void assertRefused(String engine, int port, String db, String user, String password) {
        if (engine.equals("Redis")) {
            assertThatThrownBy(() -> {
                try (Jedis jedis = EngineClients.redis(port, password)) {
                    jedis.ping();
                }
            }).isInstanceOf(redis.clients.jedis.exceptions.JedisException.class);
            return;
        }
        assertThatThrownBy(() -> EngineClients.jdbc(engine, port, db, user, password).close())
                .isInstanceOf(SQLException.class);
    }
}
