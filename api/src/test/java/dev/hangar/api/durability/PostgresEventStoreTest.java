package dev.hangar.api.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.api.support.HangarClient.User;
import dev.hangar.api.support.RunningHangar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The event store, sagas and tokens on a real PostgreSQL in a container (the local image built
 * by scripts/build-images.sh from Debian's packages, honouring the official image's contract).
 */
class PostgresEventStoreTest {

    static final String IMAGE = System.getProperty("hangar.test.postgres-image", "hangar/postgres:15");

    static GenericContainer<?> postgres;
    static String url;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = new GenericContainer<>(DockerImageName.parse(IMAGE))
                .withEnv("POSTGRES_USER", "hangar")
                .withEnv("POSTGRES_PASSWORD", "s3cret-pw")
                .withEnv("POSTGRES_DB", "hangar")
                .withExposedPorts(5432)
                .withStartupTimeout(Duration.ofMinutes(2));
        postgres.start();
        url = "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(5432) + "/hangar";
        awaitLogin(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopPostgres() {
        if (postgres != null) {
            postgres.stop();
        }
    }

    @Test
    void hangarRunsAndRestartsOnPostgres() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "pg-");
        String[] settings = {"spring.datasource.url=" + url, "spring.datasource.username=hangar",
            "spring.datasource.password=s3cret-pw"};
        User user;
        try (RunningHangar hangar = RunningHangar.start(dataDir, settings)) {
            user = hangar.client.newPlatformUser();
            assertThat(hangar.client.get("/health").body().path("services").path("eventStore").asText()).isEqualTo("up");
        }
        try (Connection c = DriverManager.getConnection(url, "hangar", "s3cret-pw")) {
            assertThat(single(c, "select data_type from information_schema.columns where table_name = 'domainevententry'"
                    + " and column_name = 'payload'")).isEqualTo("bytea");
            assertThat(single(c, "select count(*) from domainevententry where aggregateidentifier = '" + user.id() + "'"))
                    .isNotEqualTo("0");
            assertThat(single(c, "select count(*) from tokenentry")).isNotEqualTo("0");
            assertThat(single(c, "select count(*) from flyway_schema_history where success")).isNotEqualTo("0");
            // the event-id and (aggregate, sequence) uniqueness the store relies on
            assertThat(single(c, "select count(*) from pg_indexes where tablename = 'domainevententry'")).isEqualTo("3");
        }
        try (RunningHangar hangar = RunningHangar.start(dataDir, settings)) {
            assertThat(hangar.client.post("/api/v1/auth/login", Map.of("username", user.username(), "password",
                    user.password())).status()).isEqualTo(200);
            assertThat(hangar.client.get("/api/v1/users/me", user.token()).text("id")).isEqualTo(user.id());
            assertThat(hangar.client.get("/api/plans/current", user.token()).body().path("plan").path("name").asText())
                    .isEqualTo("FREE");
        }
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void awaitLogin(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Connection c = DriverManager.getConnection(url, "hangar", "s3cret-pw")) {
                return;
            } catch (SQLException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(250);
            }
        }
    }
}
