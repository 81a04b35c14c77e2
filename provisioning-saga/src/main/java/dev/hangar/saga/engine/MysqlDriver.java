package dev.hangar.saga.engine;

import dev.hangar.kernel.database.Engine;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * MySQL 8 / MariaDB per the official {@code mysql}/{@code mariadb} images: MYSQL_ROOT_PASSWORD (a
 * fresh random one on every call: Hangar never uses root), MYSQL_DATABASE, MYSQL_USER and
 * MYSQL_PASSWORD (the user gets ALL on that database). A username of "root" sets only the root
 * password (the images refuse MYSQL_USER=root). Logins use MariaDB Connector/J, which speaks to both
 * (with {@code allowPublicKeyRetrieval} for MySQL 8's caching_sha2_password without TLS).
 */
public final class MysqlDriver implements EngineDriver {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();

    @Override
    public Engine kind() {
        return Engine.MYSQL;
    }

    @Override
    public Map<String, String> environment(Credentials c) {
        Map<String, String> env = new LinkedHashMap<>();
        if (isRoot(c)) {
            env.put("MYSQL_ROOT_PASSWORD", c.password());
        } else {
            env.put("MYSQL_ROOT_PASSWORD", randomPassword());
            env.put("MYSQL_USER", c.username());
            env.put("MYSQL_PASSWORD", c.password());
        }
        if (c.database() != null && !c.database().isBlank()) {
            env.put("MYSQL_DATABASE", c.database());
        }
        return env;
    }

    @Override
    public boolean acceptsLogin(String host, int port, Credentials c) {
        try (Connection conn = connect(host, port, c); Statement st = conn.createStatement()) {
            st.execute("select 1");
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** As the user itself: ALTER USER CURRENT_USER(), or SET PASSWORD = PASSWORD(...) where that is refused. */
    @Override
    public void changePassword(String host, int port, Credentials current, String newPassword) {
        try (Connection conn = connect(host, port, current)) {
            // client-side prepared statements: the connector escapes the literal (honouring NO_BACKSLASH_ESCAPES)
            try (PreparedStatement ps = conn.prepareStatement("ALTER USER CURRENT_USER() IDENTIFIED BY ?")) {
                ps.setString(1, newPassword);
                ps.execute();
            } catch (SQLException first) {
                try (PreparedStatement ps = conn.prepareStatement("SET PASSWORD = PASSWORD(?)")) {
                    ps.setString(1, newPassword);
                    ps.execute();
                } catch (SQLException second) {
                    second.addSuppressed(first);
                    throw second;
                }
            }
        } catch (SQLException e) {
            throw new EngineDriverException("MySQL password change for user " + user(current) + " at " + host + ":" + port
                    + " failed: " + e.getMessage(), e);
        }
    }

    private static Connection connect(String host, int port, Credentials c) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user(c));
        props.setProperty("password", c.password());
        props.setProperty("connectTimeout", "3000");
        props.setProperty("socketTimeout", "15000");
        props.setProperty("allowPublicKeyRetrieval", "true");
        String db = c.database() == null ? "" : c.database();
        Connection conn = new org.mariadb.jdbc.Driver().connect("jdbc:mariadb://" + host + ":" + port + "/" + db, props);
        if (conn == null) {
            throw new SQLException("MariaDB Connector/J did not accept the URL");
        }
        return conn;
    }

    private static boolean isRoot(Credentials c) {
        return "root".equalsIgnoreCase(c.username());
    }

    private static String user(Credentials c) {
        return c.username() == null || c.username().isBlank() ? "root" : c.username();
    }

    private static String randomPassword() {
        StringBuilder sb = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }
}
