package dev.hangar.saga.engine;

import dev.hangar.kernel.database.Engine;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Redis (official {@code redis} image or {@code hangar/redis}). The password lives in an ACL file on
 * the data volume ({@value #ACL_FILE}) as a SHA-256 hash, so that
 * <ul>
 *   <li>a changed password survives stop/start and re-creation on the same volume (a
 *       {@code --requirepass} argument would win again at every start);</li>
 *   <li>the plain password is in neither the container's env nor its command line.</li>
 * </ul>
 * The command is a small {@code sh -c} wrapper that writes the ACL file only when it is missing and
 * then execs the image's {@code docker-entrypoint.sh} with {@code --appendonly yes --aclfile ...}.
 * Like PostgreSQL and MariaDB, a container re-created on an existing volume keeps the password that
 * is on the volume.
 */
public final class RedisDriver implements EngineDriver {

    public static final String ACL_FILE = "/data/hangar-users.acl";
    /** Hangar's own ACL user, where the credentials carry an administrative secret. */
    static final String ADMIN = "hangar_admin";
    /**
     * What the tenant's {@code default} user may not run: the administrative commands (CONFIG, MODULE,
     * DEBUG, SHUTDOWN, ACL, MONITOR, replication, persistence control), which would let it write files
     * where it likes, load code, or stop the server.
     */
    static final String TENANT_RULES = "~* &* +@all -@admin -config -module -debug -shutdown -monitor -acl +acl|whoami";

    @Override
    public Engine kind() {
        return Engine.REDIS;
    }

    @Override
    public Map<String, String> environment(Credentials c) {
        return Map.of();
    }

    @Override
    public List<String> command(Credentials c) {
        String acl = c.hasAdmin()
                ? "user default on #" + sha256Hex(c.password()) + " " + TENANT_RULES + "' '"
                        + "user " + ADMIN + " on #" + sha256Hex(c.adminPassword()) + " ~* &* +@all"
                : "user default on #" + sha256Hex(c.password()) + " ~* &* +@all";
        String script = "[ -s " + ACL_FILE + " ] || printf '%s\\n' '" + acl + "' > " + ACL_FILE
                + "; exec docker-entrypoint.sh --appendonly yes --aclfile " + ACL_FILE;
        return List.of("sh", "-c", script);
    }

    @Override
    public boolean acceptsLogin(String host, int port, Credentials c) {
        try (Jedis jedis = connect(host, port, c.password())) {
            return "PONG".equalsIgnoreCase(jedis.ping());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * AUTH with the current password, ACL SETUSER default with the new one, ACL SAVE to the volume;
     * a save that fails puts the current password back, so the engine never holds a password that
     * the next restart would lose.
     */
    @Override
    public void changePassword(String host, int port, Credentials current, String newPassword) {
        Jedis admin = null;
        if (current.hasAdmin()) {
            try {
                admin = connect(host, port, ADMIN, current.adminPassword());
            } catch (RuntimeException e) {
                admin = null; // a volume from before issue 14: the default user is the only one
            }
        }
        if (admin != null && !acceptsLogin(host, port, current)) {
            admin.close();
            throw new EngineDriverException("Redis password change at " + host + ":" + port
                    + " refused: the current password does not log in");
        }
        try (Jedis jedis = admin != null ? admin : connect(host, port, current.password())) {
            String aclFile = jedis.configGet("aclfile").getOrDefault("aclfile", "");
            if (aclFile.isBlank()) {
                throw new EngineDriverException("Redis at " + host + ":" + port + " runs without an ACL file, so a "
                        + "password change would be lost at the next start; re-create the container instead");
            }
            jedis.aclSetUser("default", "resetpass", ">" + newPassword);
            try {
                jedis.aclSave();
            } catch (JedisException e) {
                // the file keeps the old password: a restart would bring it back, so take it back now
                jedis.aclSetUser("default", "resetpass", ">" + current.password());
                throw new EngineDriverException("Redis at " + host + ":" + port + " could not save the new password "
                        + "to its ACL file (" + e.getMessage() + "); the previous password still holds", e);
            }
        } catch (JedisException e) {
            throw new EngineDriverException("Redis password change at " + host + ":" + port + " failed: "
                    + e.getMessage(), e);
        }
    }

    private static Jedis connect(String host, int port, String password) {
        return connect(host, port, null, password);
    }

    private static Jedis connect(String host, int port, String user, String password) {
        Jedis jedis = new Jedis(new HostAndPort(host, port), DefaultJedisClientConfig.builder()
                .user(user)
                .connectionTimeoutMillis(2000)
                .socketTimeoutMillis(5000)
                .password(password)
                .clientName("hangar")
                .build());
        try {
            jedis.connect(); // authenticates (AUTH <password>) as part of the handshake
            return jedis;
        } catch (RuntimeException e) {
            jedis.close();
            throw e;
        }
    }

    static String sha256Hex(String password) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
