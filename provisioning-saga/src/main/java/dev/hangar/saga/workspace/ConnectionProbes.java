package dev.hangar.saga.workspace;

import dev.hangar.kernel.workspace.InstanceConnection;
import dev.hangar.kernel.workspace.InstanceType;
import dev.hangar.kernel.workspace.SslMode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * One real connection per probe: a login and a version query for PostgreSQL and MySQL/MariaDB
 * (JDBC), AUTH and {@code INFO server} for Redis. Every step is bounded by the timeout; a failure
 * becomes a one-line reason (timeout, refused, authentication failed, TLS required...), never a
 * stack trace, and never the password.
 */
public final class ConnectionProbes {

    /** What the probe needs beyond the stored connection: the decrypted secrets and the checked address. */
    public record Target(InstanceConnection connection, InetAddress address, String password, String sslKey) {
        @Override
        public String toString() {
            return "Target[" + connection.host() + ":" + connection.port() + "]";
        }
    }

    private final Duration timeout;

    public ConnectionProbes(Duration timeout) {
        this.timeout = timeout;
    }

    public ProbeOutcome probe(Target target) {
        List<Path> files = new ArrayList<>();
        try {
            return switch (target.connection().type()) {
                case POSTGRESQL -> ProbeOutcome.healthy(postgres(target, files));
                case MYSQL, MARIADB -> ProbeOutcome.healthy(mysql(target));
                case REDIS -> ProbeOutcome.healthy(redis(target));
            };
        } catch (Exception e) {
            return ProbeOutcome.unhealthy(reason(e, target));
        } finally {
            files.forEach(f -> f.toFile().delete());
        }
    }

    /** {@code ssl: true} asks for TLS at least; otherwise {@code ssl_mode} says. */
    static SslMode effectiveMode(InstanceConnection c) {
        SslMode mode = c.sslMode() == null ? SslMode.PREFER : c.sslMode();
        return c.ssl() && (mode == SslMode.DISABLE || mode == SslMode.PREFER) ? SslMode.REQUIRE : mode;
    }

    private String postgres(Target t, List<Path> files) throws Exception {
        InstanceConnection c = t.connection();
        int seconds = (int) Math.max(1, timeout.toSeconds());
        Properties p = new Properties();
        p.setProperty("user", c.username());
        p.setProperty("password", t.password());
        p.setProperty("connectTimeout", String.valueOf(seconds));
        p.setProperty("socketTimeout", String.valueOf(seconds));
        p.setProperty("loginTimeout", String.valueOf(seconds));
        p.setProperty("tcpKeepAlive", "false");
        p.setProperty("ApplicationName", "hangar-probe");
        p.setProperty("sslmode", effectiveMode(c).key());
        if (c.sslRootCert() != null) {
            p.setProperty("sslrootcert", file(files, c.sslRootCert()).toString());
        }
        if (c.sslCert() != null && t.sslKey() != null) {
            p.setProperty("sslcert", file(files, c.sslCert()).toString());
            p.setProperty("sslkey", file(files, t.sslKey()).toString());
        }
        String url = "jdbc:postgresql://" + hostFor(t) + ":" + c.port() + "/" + InstanceType.POSTGRESQL.systemDatabase();
        try (Connection conn = new org.postgresql.Driver().connect(url, p); Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private String mysql(Target t) throws SQLException {
        InstanceConnection c = t.connection();
        Properties p = new Properties();
        p.setProperty("user", c.username());
        p.setProperty("password", t.password());
        p.setProperty("connectTimeout", String.valueOf(timeout.toMillis()));
        p.setProperty("socketTimeout", String.valueOf(timeout.toMillis()));
        // Connector/J has no "prefer": prefer is plain, require encrypts without verifying (as libpq does)
        p.setProperty("sslMode", switch (effectiveMode(c)) {
            case DISABLE, PREFER -> "disable";
            case REQUIRE -> "trust";
            case VERIFY_CA -> "verify-ca";
            case VERIFY_FULL -> "verify-full";
        });
        if (c.sslRootCert() != null) {
            p.setProperty("serverSslCert", c.sslRootCert());
        }
        String url = "jdbc:mariadb://" + hostFor(t) + ":" + c.port() + "/";
        try (Connection conn = new org.mariadb.jdbc.Driver().connect(url, p); Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT VERSION()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private String redis(Target t) throws Exception {
        InstanceConnection c = t.connection();
        SslMode mode = effectiveMode(c);
        boolean tls = mode != SslMode.DISABLE && mode != SslMode.PREFER;
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis((int) timeout.toMillis()).socketTimeoutMillis((int) timeout.toMillis())
                .clientName("hangar-probe").ssl(tls);
        if (tls) {
            config.sslSocketFactory(mode == SslMode.REQUIRE ? trustingAll() : trusting(c.sslRootCert()));
        }
        if (t.password() != null && !t.password().isEmpty()) {
            if (c.username() != null && !c.username().isBlank() && !"default".equals(c.username())) {
                config.user(c.username());
            }
            config.password(t.password());
        }
        String host = tls && mode == SslMode.VERIFY_FULL ? c.host() : t.address().getHostAddress();
        try (Jedis jedis = new Jedis(new HostAndPort(host, c.port()), config.build())) {
            for (String line : jedis.info("server").split("\r?\n")) {
                if (line.startsWith("redis_version:")) {
                    return line.substring("redis_version:".length()).trim();
                }
            }
            return null;
        }
    }

    /** The checked address; only verify-full needs the name (the certificate is checked against it). */
    private static String hostFor(Target t) {
        if (effectiveMode(t.connection()) == SslMode.VERIFY_FULL) {
            return t.connection().host();
        }
        String ip = t.address().getHostAddress();
        return ip.contains(":") ? "[" + ip + "]" : ip;
    }

    private static Path file(List<Path> files, String content) throws IOException {
        Path f = Files.createTempFile("hangar-probe", ".pem", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------")));
        files.add(f);
        Files.writeString(f, content);
        return f;
    }

    private static SSLSocketFactory trustingAll() throws Exception {
        TrustManager all = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {all}, null);
        return context.getSocketFactory();
    }

    private static SSLSocketFactory trusting(String rootPem) throws Exception {
        if (rootPem == null) {
            return (SSLSocketFactory) SSLSocketFactory.getDefault();
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int n = 0;
        for (var cert : CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(rootPem.getBytes(StandardCharsets.UTF_8)))) {
            store.setCertificateEntry("root" + n++, cert);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context.getSocketFactory();
    }

    /** One line a user can act on; the password never appears in it, whatever a driver put in its message. */
    String reason(Throwable e, Target t) {
        InstanceConnection c = t.connection();
        String where = c.host() + ":" + c.port();
        String text = "";
        List<Throwable> chain = new ArrayList<>();
        for (Throwable x = e; x != null && !chain.contains(x); x = x.getCause()) {
            chain.add(x);
            chain.addAll(List.of(x.getSuppressed())); // Jedis keeps each address's failure as suppressed
        }
        for (Throwable x : chain) {
            String m = x.getMessage() == null ? "" : x.getMessage();
            text += " " + m;
            if (x instanceof SocketTimeoutException || m.toLowerCase(Locale.ROOT).contains("timed out")
                    || m.contains("timeout")) {
                return "Timed out after " + timeout.toSeconds() + " s connecting to " + where;
            }
            if (x instanceof ConnectException || m.contains("Connection refused")) {
                return "Connection refused by " + where;
            }
            if (x instanceof java.io.EOFException || m.contains("Connection reset")
                    || m.toLowerCase(Locale.ROOT).contains("unexpected end of stream")) {
                return "Connection closed by " + where + " before it answered";
            }
            if (x instanceof NoRouteToHostException) {
                return "No route to host " + where;
            }
            if (x instanceof UnknownHostException) {
                return "Unknown host " + c.host();
            }
        }
        String lower = text.toLowerCase(Locale.ROOT);
        String state = e instanceof SQLException sql ? String.valueOf(sql.getSQLState()) : "";
        int code = e instanceof SQLException sql ? sql.getErrorCode() : 0;
        if (lower.contains("no encryption") || lower.contains("insecure transport") || lower.contains("requires ssl")
                || lower.contains("require_secure_transport") || code == 3159) {
            return "TLS required by " + where + "; set ssl_mode to require or stricter";
        }
        if (state.equals("57P03") || lower.contains("shutting down") || lower.contains("starting up")) {
            return "The server at " + where + " is starting up or shutting down";
        }
        if (lower.contains("does not support ssl") || lower.contains("ssl is not enabled")
                || lower.contains("ssl not enabled")
                || lower.contains("server doesn't support ssl") || lower.contains("server does not support ssl")) {
            return "TLS not supported by " + where + "; set ssl_mode to prefer or disable";
        }
        if (state.startsWith("28") || code == 1045 || lower.contains("wrongpass") || lower.contains("invalid password")
                || lower.contains("invalid username-password") || lower.contains("password authentication failed")
                || lower.contains("access denied")) {
            return "Authentication failed for user " + c.username() + " at " + where;
        }
        if (lower.contains("noauth")) {
            return "Authentication required by " + where + "; give the password";
        }
        if (e instanceof SSLException || lower.contains("ssl") || lower.contains("tls") || lower.contains("certificate")) {
            return "TLS handshake with " + where + " failed" + firstLine(e, t);
        }
        return "Connection to " + where + " failed" + firstLine(e, t);
    }

    private static String firstLine(Throwable e, Target t) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        m = m.lines().findFirst().orElse("").trim();
        if (t.password() != null && !t.password().isEmpty()) {
            m = m.replace(t.password(), "***");
        }
        return m.isEmpty() ? "" : ": " + (m.length() > 200 ? m.substring(0, 200) : m);
    }
}
