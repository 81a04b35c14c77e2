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

    @Override
    public Engine kind() {
        return Engine.POSTGRESQL;
    }

    @Override
    public Map<String, String> environment(Credentials c) {
        return Map.of("POSTGRES_USER", user(c), "POSTGRES_PASSWORD", c.password(), "POSTGRES_DB", database(c));
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
        try (Connection conn = connect(host, port, current, current.password())) {
            conn.unwrap(PGConnection.class).alterUserPassword(user(current), newPassword.toCharArray(), null);
        } catch (SQLException e) {
            throw new EngineDriverException("PostgreSQL password change for user " + user(current) + " at " + host + ":"
                    + port + " failed: " + e.getMessage(), e);
        }
    }

    private static Connection connect(String host, int port, Credentials c, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user(c));
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "3");
        props.setProperty("loginTimeout", "3");
        props.setProperty("socketTimeout", "15");
        props.setProperty("ApplicationName", "hangar");
        String url = "jdbc:postgresql://" + host + ":" + port + "/"
                + URLEncoder.encode(database(c), StandardCharsets.UTF_8);
        Connection conn = new org.postgresql.Driver().connect(url, props);
        if (conn == null) {
            throw new SQLException("pgjdbc did not accept the URL");
        }
        return conn;
    }

    static String user(Credentials c) {
        return c.username() == null || c.username().isBlank() ? "postgres" : c.username();
    }

    static String database(Credentials c) {
        return c.database() == null || c.database().isBlank() ? user(c) : c.database();
    }
}
