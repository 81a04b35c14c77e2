package dev.hangar.kernel.workspace;

import java.util.ArrayList;
import java.util.List;

/**
 * What a user gives for an instance, as given: every field of a connect, or the changed fields of
 * a modify (null: unchanged). The password and SSL key are plain here, on their way to being
 * encrypted by the command handler; this record is never stored and never prints them.
 */
public record InstanceSpec(String name, String description, String type, String vendor, String host, Integer port,
                           String username, String password, String nodeId, Boolean enabled, Boolean ssl,
                           String sslMode, String sslCert, String sslKey, String sslRootCert, String environmentId) {

    /** The required fields of a connect that are missing, in the seed's spelling. */
    public List<String> missingForConnect() {
        List<String> missing = new ArrayList<>();
        blank(name, "instance_name", missing);
        blank(description, "instance_description", missing);
        blank(type, "instance_type", missing);
        blank(vendor, "instance_vendor", missing);
        blank(host, "host", missing);
        if (port == null) {
            missing.add("port");
        }
        blank(username, "username", missing);
        if (password == null) {
            missing.add("password");
        }
        return missing;
    }

    /** What is wrong with the fields that are given. */
    public List<String> invalid() {
        List<String> problems = new ArrayList<>();
        if (name != null && (name.isBlank() || name.length() > 100 || name.contains("/"))) {
            problems.add("instance_name must be 1-100 characters, without '/'");
        }
        if (type != null && InstanceType.parse(type).isEmpty()) {
            problems.add("instance_type must be one of postgresql, mysql, mariadb, redis");
        }
        if (port != null && (port < 1 || port > 65535)) {
            problems.add("port must be between 1 and 65535");
        }
        if (sslMode != null && SslMode.parse(sslMode).isEmpty()) {
            problems.add("ssl_mode must be one of disable, prefer, require, verify-ca, verify-full");
        }
        if (host != null && (host.isBlank() || host.length() > 253 || !host.matches("[A-Za-z0-9.:\\-\\[\\]_]+"))) {
            problems.add("host must be a host name or an IP address");
        }
        return problems;
    }

    private static void blank(String value, String field, List<String> missing) {
        if (value == null || value.isBlank()) {
            missing.add(field);
        }
    }

    @Override
    public String toString() {
        return "InstanceSpec[name=" + name + ", type=" + type + ", host=" + host + ", port=" + port + "]";
    }
}
