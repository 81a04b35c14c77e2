package dev.hangar.saga.engine;

import dev.hangar.kernel.database.Engine;

import org.postgresql.PGConnection;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

/**
 * PostgreSQL per the official {@code postgres} image: POSTGRES_USER (a superuser),
 * POSTGRES_PASSWORD, POSTGRES_DB. The password is changed with pgjdbc's {@code alterUserPassword},
 * which hashes it client-side (SCRAM) so the plain text reaches neither the server log nor
 * {@code pg_stat_activity}.
 */
public final class PostgresDriver implements EngineDriver {

    /**
     * Hangar's own superuser where the credentials carry an administrative secret. The tenant's role is
     * then created by an init script as a non-superuser owning its database: no {@code COPY ... TO
     * PROGRAM}, no {@code pg_read_server_files}, no other database's data. The script carries the
     * tenant's SCRAM verifier, never the password.
     */
    static final String ADMIN = "hangar_admin";
    static final String INIT_SCRIPT = "/docker-entrypoint-initdb.d/10-hangar-tenant.sql";
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    @Override
    public Engine kind() {
        return Engine.POSTGRESQL;
    }

    @Override
    public Map<String, String> environment(Credentials c) {
        if (!c.hasAdmin() || ADMIN.equals(user(c))) {
            return Map.of("POSTGRES_USER", user(c), "POSTGRES_PASSWORD", c.password(), "POSTGRES_DB", database(c));
        }
        String sql = "CREATE ROLE " + ident(user(c)) + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION "
                + "NOBYPASSRLS PASSWORD '" + scramVerifier(c.password()) + "';\n"
                + "ALTER DATABASE " + ident(database(c)) + " OWNER TO " + ident(user(c)) + ";\n"
                + "REVOKE ALL ON DATABASE postgres FROM PUBLIC;\n";
        return Map.of("POSTGRES_USER", ADMIN, "POSTGRES_PASSWORD", c.adminPassword(), "POSTGRES_DB", database(c),
                "HANGAR_TENANT_SQL", sql);
    }

    /** Writes the tenant's init script (from the environment) before the image's entrypoint runs initdb. */
    @Override
    public java.util.List<String> command(Credentials c) {
        if (!c.hasAdmin() || ADMIN.equals(user(c))) {
            return java.util.List.of();
        }
        return java.util.List.of("sh", "-c", "mkdir -p /docker-entrypoint-initdb.d && printf '%s\\n' \"$HANGAR_TENANT_SQL\" > "
                + INIT_SCRIPT + " && unset HANGAR_TENANT_SQL && exec docker-entrypoint.sh postgres");
    }

    @Override
    public boolean acceptsLogin(String host, int port, Credentials c) {
        try (Connection conn = connect(host, port, c, c.password()); Statement st = conn.createStatement()) {
            st.execute("select 1");
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void changePassword(String host, int port, Credentials current, String newPassword) {
        if (current.hasAdmin()) {
            // the change goes through Hangar's own role; the current password must still be right, as before
            Connection admin = null;
            try {
                admin = connectAs(host, port, ADMIN, "postgres", current.adminPassword());
            } catch (SQLException e) {
                admin = null; // a database from before issue 14: its tenant role is the superuser
            }
            if (admin != null) {
                try (Connection conn = admin) {
                    if (!acceptsLogin(host, port, current)) {
                        throw new EngineDriverException("PostgreSQL password change for user " + user(current) + " at "
                                + host + ":" + port + " refused: the current password does not log in");
                    }
                    conn.unwrap(PGConnection.class).alterUserPassword(user(current), newPassword.toCharArray(), null);
                    return;
                } catch (SQLException e) {
                    throw new EngineDriverException("PostgreSQL password change for user " + user(current) + " at "
                            + host + ":" + port + " failed: " + e.getMessage(), e);
                }
            }
        }
        try (Connection conn = connect(host, port, current, current.password())) {
            conn.unwrap(PGConnection.class).alterUserPassword(user(current), newPassword.toCharArray(), null);
        } catch (SQLException e) {
            throw new EngineDriverException("PostgreSQL password change for user " + user(current) + " at " + host + ":"
                    + port + " failed: " + e.getMessage(), e);
        }
    }

    private static Connection connect(String host, int port, Credentials c, String password) throws SQLException {
        return connectAs(host, port, user(c), database(c), password);
    }

    private static Connection connectAs(String host, int port, String user, String database, String password)
            throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "3");
        props.setProperty("loginTimeout", "3");
        props.setProperty("socketTimeout", "15");
        props.setProperty("ApplicationName", "hangar");
        String url = "jdbc:postgresql://" + host + ":" + port + "/"
                + URLEncoder.encode(database, StandardCharsets.UTF_8);
        Connection conn = new org.postgresql.Driver().connect(url, props);
        if (conn == null) {
            throw new SQLException("pgjdbc did not accept the URL");
        }
        return conn;
    }

    /** A quoted SQL identifier. */
    static String ident(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** PostgreSQL's SCRAM-SHA-256 verifier of a password (RFC 5802/7677, 4096 iterations), as pg_authid stores it. */
    static String scramVerifier(String password) {
        try {
            byte[] salt = new byte[16];
            RANDOM.nextBytes(salt);
            int iterations = 4096;
            javax.crypto.SecretKeyFactory pbkdf2 = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
            byte[] salted = pbkdf2.generateSecret(new javax.crypto.spec.PBEKeySpec(password.toCharArray(), salt,
                    iterations, 256)).getEncoded();
            byte[] clientKey = hmac(salted, "Client Key");
            byte[] storedKey = java.security.MessageDigest.getInstance("SHA-256").digest(clientKey);
            byte[] serverKey = hmac(salted, "Server Key");
            java.util.Base64.Encoder b64 = java.util.Base64.getEncoder();
            return "SCRAM-SHA-256$" + iterations + ":" + b64.encodeToString(salt) + "$"
                    + b64.encodeToString(storedKey) + ":" + b64.encodeToString(serverKey);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String message) throws java.security.GeneralSecurityException {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    }

    static String user(Credentials c) {
        return c.username() == null || c.username().isBlank() ? "postgres" : c.username();
    }

    static String database(Credentials c) {
        return c.database() == null || c.database().isBlank() ? user(c) : c.database();
    }
}
