package dev.hangar.api.workspaces;

import static dev.hangar.api.workspaces.WorkspacesSupport.body;
import static dev.hangar.api.workspaces.WorkspacesSupport.freePort;
import static dev.hangar.api.workspaces.WorkspacesSupport.message;
import static dev.hangar.api.workspaces.WorkspacesSupport.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.api.support.DockerProbe;
import dev.hangar.api.support.EngineClients;
import dev.hangar.api.support.HangarClient;
import dev.hangar.api.support.HangarClient.Response;
import dev.hangar.api.support.HangarHttpTest;
import dev.hangar.api.workspaces.WorkspacesSupport.Tenant;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import redis.clients.jedis.Jedis;

/**
 * Real databases that live elsewhere: PostgreSQL, MariaDB and Redis containers started from the
 * local images on published loopback ports, connected over HTTP and probed for real.
 */
@WorkspacesHttpTestConfig
@ExtendWith(OutputCaptureExtension.class)
class WorkspaceEnginesHttpTest {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String PG_PASSWORD = "Pg-S3cret-" + RUN;
    static final String MARIA_PASSWORD = "Maria-S3cret-" + RUN;
    static final String REDIS_PASSWORD = "Redis-S3cret-" + RUN;
    static final String PG = "hangar-ws-test-pg-" + RUN;
    static final String MARIA = "hangar-ws-test-mariadb-" + RUN;
    static final String REDIS = "hangar-ws-test-redis-" + RUN;
    static int pgPort;
    static int mariaPort;
    static int redisPort;

    @LocalServerPort
    int port;
    @Autowired
    DataSource eventStore;
    @Autowired
    MongoTemplate readStore;
    HangarClient client;
    Tenant tenant;

    @BeforeAll
    static void startDatabases() throws Exception {
        pgPort = freePort();
        mariaPort = freePort();
        redisPort = freePort();
        run(PG, pgPort, 5432, HangarHttpTest.POSTGRES_IMAGE, "POSTGRES_USER=app", "POSTGRES_PASSWORD=" + PG_PASSWORD,
                "POSTGRES_DB=app");
        run(MARIA, mariaPort, 3306, HangarHttpTest.MYSQL_IMAGE, "MARIADB_ROOT_PASSWORD=root-" + RUN,
                "MARIADB_USER=app", "MARIADB_PASSWORD=" + MARIA_PASSWORD, "MARIADB_DATABASE=app");
        run(REDIS, redisPort, 6379, HangarHttpTest.REDIS_IMAGE, "REDIS_PASSWORD=" + REDIS_PASSWORD);
        await(() -> pgVersion() != null);
        await(() -> mariaVersion() != null);
        await(() -> redisVersion() != null);
    }

    @AfterAll
    static void removeDatabases() {
        for (String name : new String[] {PG, MARIA, REDIS}) {
            try {
                DockerProbe.remove(name);
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
    }

    static void run(String name, int hostPort, int containerPort, String image, String... env) {
        var command = new java.util.ArrayList<>(java.util.List.of("docker", "run", "-d", "--name", name,
                "--label", "hangar.test=workspaces", "-p", "127.0.0.1:" + hostPort + ":" + containerPort));
        for (String e : env) {
            command.add("-e");
            command.add(e);
        }
        command.add(image);
        DockerProbe.lines(command.toArray(String[]::new));
    }

    static void await(Callable<Boolean> ready) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (ready.call()) {
                    return;
                }
            } catch (Exception notYet) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("a test database did not start");
    }

    static String pgVersion() throws Exception {
        try (Connection c = EngineClients.jdbc("PostgreSQL", pgPort, "app", "app", PG_PASSWORD);
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    static String mariaVersion() throws Exception {
        try (Connection c = EngineClients.jdbc("MySQL", mariaPort, "app", "app", MARIA_PASSWORD);
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT VERSION()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    static String redisVersion() {
        try (Jedis jedis = EngineClients.redis(redisPort, REDIS_PASSWORD)) {
            return jedis.info("server").lines().filter(l -> l.startsWith("redis_version:"))
                    .map(l -> l.substring("redis_version:".length()).trim()).findFirst().orElseThrow();
        }
    }

    @BeforeEach
    void setUp() {
        client = new HangarClient(port);
        tenant = Tenant.fresh(client);
    }

    @AfterEach
    void removeConnected() {
        tenant.removeAll();
    }

    @Test
    void realPostgresMariaDbAndRedisAreHealthyWithTheVersionEachReports() throws Exception {
        Response pg = tenant.connect("ws", body("pg", "postgresql", pgPort, "app", PG_PASSWORD));
        Response maria = tenant.connect("ws", body("maria", "mariadb", mariaPort, "app", MARIA_PASSWORD));
        Response mysql = tenant.connect("ws", body("maria-as-mysql", "mysql", mariaPort, "app", MARIA_PASSWORD));
        Response redis = tenant.connect("ws", body("redis", "redis", redisPort, "default", REDIS_PASSWORD));

        for (Response r : new Response[] {pg, maria, mysql, redis}) {
            assertThat(r.status()).as(r.raw()).isEqualTo(201);
            assertThat(status(r)).as(r.raw()).isEqualTo("healthy");
            assertThat(message(r)).isEqualTo("Connected");
        }
        assertThat(pg.body().path("instance").path("instance_version").asText()).isEqualTo(pgVersion()).startsWith("15");
        assertThat(maria.body().path("instance").path("instance_version").asText()).isEqualTo(mariaVersion())
                .startsWith("10.11");
        assertThat(redis.body().path("instance").path("instance_version").asText()).isEqualTo(redisVersion())
                .startsWith("7.");
        assertThat(client.get(tenant.base("ws"), tenant.token()).body().path("instances")).hasSize(4);
    }

    @Test
    void aWrongPasswordIsAuthenticationFailedAndAModifyProbesAgain() throws Exception {
        Response pg = tenant.connect("ws", body("pg", "postgresql", pgPort, "app", "wrong-" + RUN));
        assertThat(status(pg)).isEqualTo("unhealthy");
        assertThat(message(pg)).isEqualTo("Authentication failed for user app at 127.0.0.1:" + pgPort);
        Response maria = tenant.connect("ws", body("maria", "mariadb", mariaPort, "app", "wrong-" + RUN));
        assertThat(message(maria)).isEqualTo("Authentication failed for user app at 127.0.0.1:" + mariaPort);
        Response redis = tenant.connect("ws", body("redis", "redis", redisPort, "default", "wrong-" + RUN));
        assertThat(message(redis)).isEqualTo("Authentication failed for user default at 127.0.0.1:" + redisPort);

        Response fixed = tenant.modify("ws", "pg", Map.of("password", PG_PASSWORD));
        assertThat(fixed.status()).as(fixed.raw()).isEqualTo(200);
        assertThat(status(fixed)).isEqualTo("healthy");
        assertThat(fixed.body().path("instance").path("instance_version").asText()).isEqualTo(pgVersion());

        Response moved = tenant.modify("ws", "pg", Map.of("port", freePort()));
        assertThat(status(moved)).isEqualTo("unhealthy");
        assertThat(message(moved)).startsWith("Connection refused by 127.0.0.1:");
    }

    @Test
    void sslModeIsHonoured() {
        // the test servers speak no TLS: prefer falls back to plain, require is refused with the reason
        Map<String, Object> prefer = body("pg-prefer", "postgresql", pgPort, "app", PG_PASSWORD);
        prefer.put("ssl_mode", "prefer");
        assertThat(status(tenant.connect("ws", prefer))).isEqualTo("healthy");
        Map<String, Object> require = body("pg-require", "postgresql", pgPort, "app", PG_PASSWORD);
        require.put("ssl_mode", "require");
        Response pg = tenant.connect("ws", require);
        assertThat(status(pg)).isEqualTo("unhealthy");
        assertThat(message(pg)).isEqualTo("TLS not supported by 127.0.0.1:" + pgPort
                + "; set ssl_mode to prefer or disable");
        Map<String, Object> sslOn = body("maria-ssl", "mariadb", mariaPort, "app", MARIA_PASSWORD);
        sslOn.put("ssl", true);
        Response maria = tenant.connect("ws", sslOn);
        assertThat(status(maria)).isEqualTo("unhealthy");
        assertThat(message(maria)).as(maria.raw()).startsWith("TLS");
        assertThat(maria.body().path("instance").path("instance_ssl").asBoolean()).isTrue();
    }

    @Test
    void thePeriodicCheckSeesAStoppedDatabaseUnhealthyAndARestartedOneHealthy() throws Exception {
        Response pg = tenant.connect("ws", body("pg", "postgresql", pgPort, "app", PG_PASSWORD));
        assertThat(status(pg)).isEqualTo("healthy");
        try {
            DockerProbe.lines("docker", "stop", "-t", "2", PG);
            // while it shuts down a probe may find it closing or going away; once stopped, it refuses
            Response down = tenant.awaitInstance("ws", "pg", r -> message(r).startsWith("Connection refused"),
                    Duration.ofSeconds(30));
            assertThat(status(down)).as(down.raw()).isEqualTo("unhealthy");
            assertThat(message(down)).isEqualTo("Connection refused by 127.0.0.1:" + pgPort);
        } finally {
            DockerProbe.lines("docker", "start", PG);
        }
        Response up = tenant.awaitInstance("ws", "pg", r -> status(r).equals("healthy"), Duration.ofSeconds(60));
        assertThat(status(up)).as(up.raw()).isEqualTo("healthy");
        assertThat(message(up)).isEqualTo("Connected");
    }

    @Test
    void thePasswordIsInNoEventReadModelOrLogLine(CapturedOutput output) throws Exception {
        String password = "Unique-" + UUID.randomUUID();
        Response r = tenant.connect("ws", body("secret", "postgresql", pgPort, "app", password));
        String ciphertext = r.body().path("instance").path("instance_password").asText();
        assertThat(ciphertext).isNotBlank().isNotEqualTo(password).doesNotContain(password);
        tenant.modify("ws", "secret", Map.of("password", password + "-2", "instance_description", "changed"));
        tenant.disconnect("ws", "secret", null);

        try (Connection c = eventStore.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select payload, payloadtype from domainevententry")) {
            int workspaceEvents = 0;
            while (rs.next()) {
                String payload = new String(rs.getBytes(1), StandardCharsets.UTF_8);
                assertThat(payload).doesNotContain(password);
                if (rs.getString(2).contains("kernel.workspace")) {
                    workspaceEvents++;
                }
            }
            assertThat(workspaceEvents).isPositive();
        }
        for (String collection : readStore.getCollectionNames()) {
            for (Document d : readStore.getCollection(collection).find()) {
                assertThat(d.toJson()).as(collection).doesNotContain(password);
            }
        }
        assertThat(output.getAll()).doesNotContain(password);
        assertThat(client.get(tenant.base("ws"), tenant.token()).raw()).doesNotContain(password);
    }
}
