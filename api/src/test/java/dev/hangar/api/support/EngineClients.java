package dev.hangar.api.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import redis.clients.jedis.Jedis;

/** Real clients of the engines, at the host and port a 201 answer gave. */
public final class EngineClients {

    private EngineClients() {
    }

    public static Connection jdbc(String engine, int port, String database, String user, String password)
            throws SQLException {
        String url = switch (engine) {
            case "PostgreSQL" -> "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?connectTimeout=5";
            case "MySQL" -> "jdbc:mariadb://127.0.0.1:" + port + "/" + database + "?connectTimeout=5000";
            default -> throw new IllegalArgumentException(engine);
        };
        return DriverManager.getConnection(url, user, password);
    }

    public static Jedis redis(int port, String password) {
        Jedis jedis = new Jedis("127.0.0.1", port, 5000);
        jedis.auth(password);
        return jedis;
    }
}
