package dev.hangar.api.databases;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** {@code scheme://user[:password]@host:port/database}, user and password percent-encoded. */
final class ConnectionStrings {

    private ConnectionStrings() {
    }

    static String of(String scheme, String username, String password, String host, int port, String database) {
        String user = encode(username);
        String secret = password == null ? "" : ":" + encode(password);
        String path = "redis".equals(scheme) ? "0" : database;
        return scheme + "://" + user + secret + "@" + host + ":" + port + "/" + path;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
