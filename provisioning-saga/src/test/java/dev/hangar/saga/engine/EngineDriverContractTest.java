package dev.hangar.saga.engine;

import dev.hangar.kernel.database.Engine;

import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Env/command contracts of every driver, without containers (MongoDB etc. cannot run here). */
class EngineDriverContractTest {

    private static final String PW = "p$a!s#s%w@o'r\"d\\ x";
    private final EngineDrivers drivers = new EngineDrivers();

    @Test
    void everyKindHasADriver() {
        for (Engine kind : Engine.values()) {
            assertThat(drivers.get(kind).kind()).isEqualTo(kind);
            assertThat(drivers.find(kind)).isPresent();
        }
        assertThat(drivers.all()).hasSize(Engine.values().length);
        assertThat(new EngineDrivers(List.of(new RedisDriver())).find(Engine.MYSQL)).isEmpty();
        assertThatThrownBy(() -> new EngineDrivers(List.of()).get(Engine.MYSQL))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void credentialsHideThePassword() {
        Credentials c = new Credentials("app", PW, "appdb");
        assertThat(c.toString()).contains("app", "appdb").doesNotContain(PW).doesNotContain("p$a");
        assertThat(c.withPassword("x").password()).isEqualTo("x");
        assertThatThrownBy(() -> new Credentials("a", null, "b")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void postgresEnvironment() {
        EngineDriver d = drivers.get(Engine.POSTGRESQL);
        assertThat(d.environment(new Credentials("app", PW, "appdb"))).isEqualTo(
                Map.of("POSTGRES_USER", "app", "POSTGRES_PASSWORD", PW, "POSTGRES_DB", "appdb"));
        assertThat(d.command(new Credentials("app", PW, "appdb"))).isEmpty();
    }

    @Test
    void mysqlEnvironment() {
        EngineDriver d = drivers.get(Engine.MYSQL);
        Map<String, String> env = d.environment(new Credentials("app", PW, "appdb"));
        assertThat(env).containsEntry("MYSQL_USER", "app").containsEntry("MYSQL_PASSWORD", PW)
                .containsEntry("MYSQL_DATABASE", "appdb").containsKey("MYSQL_ROOT_PASSWORD");
        assertThat(env.get("MYSQL_ROOT_PASSWORD")).hasSize(32).isNotEqualTo(PW);
        Map<String, String> root = d.environment(new Credentials("root", PW, "appdb"));
        assertThat(root).containsEntry("MYSQL_ROOT_PASSWORD", PW).doesNotContainKeys("MYSQL_USER", "MYSQL_PASSWORD");
        assertThat(d.command(new Credentials("app", PW, "appdb"))).isEmpty();
    }

    @Test
    void redisKeepsOnlyAHashInItsCommand() {
        EngineDriver d = drivers.get(Engine.REDIS);
        Credentials c = new Credentials(null, PW, null);
        assertThat(d.environment(c)).isEmpty();
        List<String> cmd = d.command(c);
        assertThat(cmd).hasSize(3).startsWith("sh", "-c");
        assertThat(cmd.get(2)).doesNotContain("p$a").contains("#" + RedisDriver.sha256Hex(PW))
                .contains("--aclfile " + RedisDriver.ACL_FILE).contains("--appendonly yes");
        assertThat(RedisDriver.sha256Hex("foobared")).isEqualTo("1b58ee375b42e41f0e48ef2ff27d10a5b1f6924a9acdcdba7cae868e7adce6bf");
    }

    @Test
    void mongoEnvironmentAndSettings() {
        EngineDriver d = drivers.get(Engine.MONGODB);
        Credentials c = new Credentials("app", PW, "appdb");
        assertThat(d.environment(c)).isEqualTo(Map.of("MONGO_INITDB_ROOT_USERNAME", "app",
                "MONGO_INITDB_ROOT_PASSWORD", PW, "MONGO_INITDB_DATABASE", "appdb"));
        assertThat(d.command(c)).isEmpty();
        var settings = MongoDriver.settings("127.0.0.1", 27017, c);
        assertThat(settings.getCredential().getSource()).isEqualTo("admin");
        assertThat(settings.getCredential().getUserName()).isEqualTo("app");
        assertThat(new String(settings.getCredential().getPassword())).isEqualTo(PW);
        assertThat(d.acceptsLogin("127.0.0.1", closedPort(), c)).isFalse();
    }

    @Test
    void cassandraAndSqlServerEnvironments() throws Exception {
        Credentials c = new Credentials("sa", PW, null);
        EngineDriver sql = drivers.get(Engine.SQLSERVER);
        assertThat(sql.environment(c)).containsEntry("ACCEPT_EULA", "Y").containsEntry("MSSQL_SA_PASSWORD", PW);
        assertThat(SqlServerDriver.USERNAME).isEqualTo("sa");
        EngineDriver cassandra = drivers.get(Engine.CASSANDRA);
        assertThat(cassandra.environment(c)).containsKeys("MAX_HEAP_SIZE", "HEAP_NEWSIZE").doesNotContainValue(PW);
        for (EngineDriver d : List.of(sql, cassandra)) {
            assertThat(d.command(c)).isEmpty();
            assertThatThrownBy(() -> d.changePassword("127.0.0.1", 1, c, "x"))
                    .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("not supported");
            assertThat(d.acceptsLogin("127.0.0.1", closedPort(), c)).isFalse();
            try (ServerSocket open = new ServerSocket(0)) {
                assertThat(d.acceptsLogin("127.0.0.1", open.getLocalPort(), c)).as("TCP connect only").isTrue();
            }
        }
    }

    @Test
    void loginsToNothingAreFalseNotExceptions() {
        Credentials c = new Credentials("app", PW, "appdb");
        int port = closedPort();
        for (Engine kind : List.of(Engine.POSTGRESQL, Engine.MYSQL, Engine.REDIS)) {
            assertThat(drivers.get(kind).acceptsLogin("127.0.0.1", port, c)).isFalse();
        }
        assertThatThrownBy(() -> drivers.get(Engine.POSTGRESQL).changePassword("127.0.0.1", port, c, "x"))
                .isInstanceOf(EngineDriverException.class).hasMessageNotContaining(PW);
    }

    private static int closedPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
