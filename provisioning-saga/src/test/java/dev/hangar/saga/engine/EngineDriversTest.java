package dev.hangar.saga.engine;

import dev.hangar.kernel.database.Engine;

import dev.hangar.saga.runtime.ContainerHandle;
import dev.hangar.saga.runtime.ContainerSpec;
import dev.hangar.saga.runtime.DockerContainerRuntime;
import dev.hangar.saga.runtime.DockerTestSupport;
import dev.hangar.saga.runtime.RealDockerTest;
import dev.hangar.saga.runtime.Labels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each driver against a real container of the local images, started through
 * {@link DockerContainerRuntime}: readiness, wrong password, password change, restart.
 */
class EngineDriversTest extends RealDockerTest {

    private static final String HOST = "127.0.0.1";
    private static final Duration READY = Duration.ofSeconds(90);

    private static final EngineDrivers DRIVERS = new EngineDrivers();
    private static final EngineCatalog CATALOG = new EngineCatalog(Map.of(
            "postgresql", "hangar/postgres:15", "mysql", "hangar/mariadb:10.11", "redis", "hangar/redis:7"));

    private String instanceId;
    /** The password the last scenario left the instance with. */
    private String lastPassword;

    @BeforeEach
    void id() {
        instanceId = DockerTestSupport.newInstanceId();
    }

    @AfterEach
    void cleanUp() {
        support.removeAllLabelled(instanceId);
    }

    /** Special characters everywhere: $ ! # % @ ' " \ and a space. */
    private static String password(String prefix) {
        return prefix + "$!#%@'\"\\ x" + UUID.randomUUID().toString().substring(0, 8);
    }

    private record Running(String name, int port, EngineDriver driver) {
    }

    private Running start(Engine kind, Credentials credentials) {
        EngineDefinition engine = CATALOG.get(kind);
        EngineDriver driver = DRIVERS.get(kind);
        String name = "hangar-" + instanceId;
        int port = DockerTestSupport.freePort();
        ContainerSpec spec = new ContainerSpec(name, engine.image(), driver.environment(credentials),
                driver.command(credentials), Map.of(Labels.INSTANCE_ID, instanceId, Labels.ENGINE, kind.key()),
                engine.port(), HOST, port, name + "-data", engine.dataPath(), 512L * 1024 * 1024, 1_000_000_000L)
                // as Hangar runs them: a network of its own, capabilities dropped, no-new-privileges, a pids limit
                .withIsolation(ContainerSpec.Isolation.ownNetwork(name, 512));
        ContainerHandle handle = runtime.ensureRunning(spec);
        assertThat(handle.created()).isTrue();
        Running running = new Running(name, port, driver);
        awaitLogin(running, credentials, "first start");
        return running;
    }

    private static void awaitLogin(Running r, Credentials c, String phase) {
        long t0 = System.nanoTime();
        long deadline = t0 + READY.toNanos();
        while (!r.driver().acceptsLogin(HOST, r.port(), c)) {
            assertThat(System.nanoTime()).as("%s: %s not ready within %s", r.driver().kind(), phase, READY)
                    .isLessThan(deadline);
            sleep(250);
        }
        System.out.printf("%s ready after %s: %d ms%n", r.driver().kind(), phase,
                Duration.ofNanos(System.nanoTime() - t0).toMillis());
    }

    /** The common scenario; {@code write}/{@code read} use the credentials they are given. */
    private int scenario(Engine kind, Credentials creds, DataAccess data) throws Exception {
        Running r = start(kind, creds);
        EngineDriver driver = r.driver();

        assertThat(driver.acceptsLogin(HOST, r.port(), creds.withPassword("wrong" + creds.password()))).isFalse();
        data.write(r.port(), creds);

        String newPassword = password("n3w");
        lastPassword = newPassword;
        Credentials updated = creds.withPassword(newPassword);
        driver.changePassword(HOST, r.port(), creds, newPassword);
        assertThat(driver.acceptsLogin(HOST, r.port(), creds)).as("old password after change").isFalse();
        assertThat(driver.acceptsLogin(HOST, r.port(), updated)).as("new password after change").isTrue();
        assertThatThrownBy(() -> driver.changePassword(HOST, r.port(), creds, "whatever"))
                .as("change with the old password").isInstanceOf(EngineDriverException.class)
                .hasMessageNotContaining(creds.password());

        runtime.stop(r.name());
        assertThat(runtime.inspect(r.name())).hasValueSatisfying(s -> assertThat(s.running()).isFalse());
        assertThat(runtime.start(r.name())).isTrue();
        awaitLogin(r, updated, "restart");
        assertThat(driver.acceptsLogin(HOST, r.port(), creds)).as("old password after restart").isFalse();
        assertThat(data.read(r.port(), updated)).isEqualTo("hello hangar");
        return r.port();
    }

    interface DataAccess {
        void write(int port, Credentials c) throws Exception;

        String read(int port, Credentials c) throws Exception;
    }

    private static final class JdbcData implements DataAccess {
        private final String urlPrefix;

        JdbcData(String urlPrefix) {
            this.urlPrefix = urlPrefix;
        }

        private Connection open(int port, Credentials c) throws SQLException {
            return DriverManager.getConnection(urlPrefix + HOST + ":" + port + "/" + c.database(), c.username(),
                    c.password());
        }

        @Override
        public void write(int port, Credentials c) throws SQLException {
            try (Connection conn = open(port, c); Statement st = conn.createStatement()) {
                st.execute("create table notes (body varchar(100))");
                st.execute("insert into notes values ('hello hangar')");
            }
        }

        @Override
        public String read(int port, Credentials c) throws SQLException {
            try (Connection conn = open(port, c); Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery("select body from notes")) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static final class RedisData implements DataAccess {
        private static Jedis open(int port, Credentials c) {
            return new Jedis(new HostAndPort(HOST, port),
                    DefaultJedisClientConfig.builder().password(c.password()).socketTimeoutMillis(5000).build());
        }

        @Override
        public void write(int port, Credentials c) {
            try (Jedis jedis = open(port, c)) {
                jedis.set("note", "hello hangar");
            }
        }

        @Override
        public String read(int port, Credentials c) {
            try (Jedis jedis = open(port, c)) {
                return jedis.get("note");
            }
        }
    }

    @Test
    void postgresql() throws Exception {
        scenario(Engine.POSTGRESQL, new Credentials("app_user", password("pg"), "appdb"),
                new JdbcData("jdbc:postgresql://"));
    }

    @Test
    void mysqlOnMariadb() throws Exception {
        scenario(Engine.MYSQL, new Credentials("app_user", password("my"), "appdb"),
                new JdbcData("jdbc:mariadb://"));
    }

    @Test
    void redis() throws Exception {
        scenario(Engine.REDIS, new Credentials(null, password("rd"), null), new RedisData());
        // the password is on the volume only as a hash, never in env or argv
        String name = "hangar-" + instanceId;
        var config = support.docker.inspectContainerCmd(name).exec().getConfig();
        assertThat(String.join(" ", config.getCmd())).doesNotContain("$!#%@");
        assertThat(config.getEnv()).noneMatch(e -> e.contains("$!#%@"));
    }

    // ---- issue 14: least privilege inside each engine

    private static final String ADMIN_SECRET = "adm1n-" + UUID.randomUUID();

    @Test
    void postgresqlTenantIsANonSuperuserOwnerAndHangarKeepsItsOwnRole() throws Exception {
        Credentials creds = new Credentials("app_user", password("pg"), "appdb").withAdmin(ADMIN_SECRET);
        int port = scenario(Engine.POSTGRESQL, creds, new JdbcData("jdbc:postgresql://"));
        Credentials tenant = creds.withPassword(lastPassword);
        try (Connection conn = DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + port + "/appdb",
                tenant.username(), tenant.password()); Statement st = conn.createStatement()) {
            try (ResultSet rs = st.executeQuery("select rolsuper, rolcreaterole, rolcreatedb from pg_roles "
                    + "where rolname = current_user")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1) || rs.getBoolean(2) || rs.getBoolean(3)).isFalse();
            }
            try (ResultSet rs = st.executeQuery("select pg_get_userbyid(datdba) from pg_database where datname = 'appdb'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("app_user");
            }
            assertThatThrownBy(() -> st.execute("COPY (select 1) TO PROGRAM 'id'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("must be superuser");
            assertThatThrownBy(() -> st.executeQuery("select pg_read_file('/etc/passwd')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> st.execute("COPY notes FROM '/etc/passwd'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("pg_read_server_files");
            assertThatThrownBy(() -> st.execute("GRANT pg_read_server_files TO app_user"))
                    .isInstanceOf(SQLException.class);
        }
        // Hangar's administrative role logs in with the secret the tenant never saw; the tenant's password does not
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + port + "/appdb",
                PostgresDriver.ADMIN, ADMIN_SECRET)) {
            assertThat(admin.isValid(2)).isTrue();
        }
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + port + "/appdb",
                PostgresDriver.ADMIN, tenant.password())).isInstanceOf(SQLException.class);
        var config = support.docker.inspectContainerCmd("hangar-" + instanceId).exec().getConfig();
        assertThat(config.getEnv()).noneMatch(e -> e.contains(tenant.password()) || e.contains(creds.password()));
    }

    @Test
    void mysqlTenantCannotReadOrWriteServerFiles() throws Exception {
        Credentials creds = new Credentials("app_user", password("my"), "appdb").withAdmin(ADMIN_SECRET);
        int port = scenario(Engine.MYSQL, creds, new JdbcData("jdbc:mariadb://"));
        Credentials tenant = creds.withPassword(lastPassword);
        try (Connection conn = DriverManager.getConnection("jdbc:mariadb://" + HOST + ":" + port + "/appdb",
                tenant.username(), tenant.password()); Statement st = conn.createStatement()) {
            assertThatThrownBy(() -> st.execute("SELECT 1 INTO OUTFILE '/tmp/hangar-out'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("denied");
            assertThatThrownBy(() -> st.execute("LOAD DATA INFILE '/etc/passwd' INTO TABLE notes"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("denied");
            try (ResultSet rs = st.executeQuery("SELECT LOAD_FILE('/etc/passwd')")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isNull();
            }
            assertThatThrownBy(() -> st.execute("CREATE DATABASE other")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> st.executeQuery("SELECT * FROM mysql.user")).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void redisTenantCannotReconfigureTheServer() throws Exception {
        Credentials creds = new Credentials(null, password("rd"), null).withAdmin(ADMIN_SECRET);
        int port = scenario(Engine.REDIS, creds, new RedisData());
        try (Jedis jedis = new Jedis(new HostAndPort(HOST, port),
                DefaultJedisClientConfig.builder().password(lastPassword).socketTimeoutMillis(5000).build())) {
            jedis.set("k", "v");
            assertThat(jedis.get("k")).isEqualTo("v");
            assertThatThrownBy(() -> jedis.configSet("dir", "/tmp")).hasMessageContaining("NOPERM");
            assertThatThrownBy(() -> jedis.configGet("dir")).hasMessageContaining("NOPERM");
            assertThatThrownBy(() -> jedis.sendCommand(raw("DEBUG"), "SLEEP", "0"))
                    .isInstanceOf(redis.clients.jedis.exceptions.JedisDataException.class);
            assertThatThrownBy(() -> jedis.sendCommand(raw("MODULE"), "LIST"))
                    .hasMessageContaining("NOPERM");
            assertThatThrownBy(() -> jedis.sendCommand(raw("SHUTDOWN"), "NOSAVE"))
                    .hasMessageContaining("NOPERM");
            assertThatThrownBy(() -> jedis.aclSetUser("default", "+@all")).hasMessageContaining("NOPERM");
        }
        // Hangar's own user holds the rest
        try (Jedis admin = new Jedis(new HostAndPort(HOST, port), DefaultJedisClientConfig.builder()
                .user(RedisDriver.ADMIN).password(ADMIN_SECRET).socketTimeoutMillis(5000).build())) {
            assertThat(admin.configGet("aclfile")).containsValue(RedisDriver.ACL_FILE);
        }
    }

    private static redis.clients.jedis.commands.ProtocolCommand raw(String name) {
        byte[] bytes = name.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return () -> bytes;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
