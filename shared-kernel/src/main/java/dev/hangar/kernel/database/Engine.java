package dev.hangar.kernel.database;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The engines Hangar offers, in seed 003's order: their identity, the same on every side. What runs
 * them (image, port, data path) is the provisioning side's catalog. Events carry {@link #key()}.
 */
public enum Engine {
    MYSQL("MySQL", "8.0", "mysql", null),
    POSTGRESQL("PostgreSQL", "14", "postgresql", null, "postgres"),
    MONGODB("MongoDB", "6.0", "mongodb", null, "mongo"),
    REDIS("Redis", "7.0", "redis", "default"),
    CASSANDRA("Cassandra", "4.1", "cassandra", null),
    SQLSERVER("SQL Server", "2022", "sqlserver", "sa", "mssql");

    private final String displayName;
    private final String version;
    private final String scheme;
    private final String fixedUsername;
    private final List<String> aliases;

    Engine(String displayName, String version, String scheme, String fixedUsername, String... aliases) {
        this.displayName = displayName;
        this.version = version;
        this.scheme = scheme;
        this.fixedUsername = fixedUsername;
        this.aliases = List.of(aliases);
    }

    /** e.g. {@code postgresql}, {@code sqlserver}: the key of configuration and events. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "PostgreSQL", "SQL Server": what the API shows. */
    public String displayName() {
        return displayName;
    }

    public String version() {
        return version;
    }

    /** The connection-string scheme. */
    public String scheme() {
        return scheme;
    }

    /** The login the engine imposes (Redis's "default"), null where Hangar makes one per database. */
    public String fixedUsername() {
        return fixedUsername;
    }

    /**
     * By key, display name or alias, case-insensitively, ignoring blanks, '-' and '_': "PostgreSQL",
     * "postgresql", "postgres", "SQL Server", "mssql", "mongo"...
     */
    public static Optional<Engine> resolve(String nameOrKey) {
        if (nameOrKey == null) {
            return Optional.empty();
        }
        String wanted = normalize(nameOrKey);
        return Arrays.stream(values())
                .filter(e -> e.key().equals(wanted) || normalize(e.displayName).equals(wanted)
                        || e.aliases.contains(wanted))
                .findFirst();
    }

    private static String normalize(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "");
    }
}
