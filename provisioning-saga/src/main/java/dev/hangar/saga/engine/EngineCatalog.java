package dev.hangar.saga.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The engines Hangar offers, in the order of seed 003 (MySQL, PostgreSQL, MongoDB, Redis, Cassandra,
 * SQL Server), with the official images by default. Images can be overridden per engine, keyed by
 * the lowercase kind name ({@code postgresql -> hangar/postgres:15}); display name, version, port and
 * data path stay as they are. Immutable and thread-safe.
 */
public final class EngineCatalog {

    private static final List<EngineDefinition> DEFAULTS = List.of(
            new EngineDefinition("MySQL", EngineKind.MYSQL, "8.0", "mysql:8.0", 3306, "/var/lib/mysql",
                    "Popular open-source relational database"),
            new EngineDefinition("PostgreSQL", EngineKind.POSTGRESQL, "14", "postgres:14", 5432,
                    "/var/lib/postgresql/data", "Advanced open-source relational database"),
            new EngineDefinition("MongoDB", EngineKind.MONGODB, "6.0", "mongo:6.0", 27017, "/data/db",
                    "NoSQL document database"),
            new EngineDefinition("Redis", EngineKind.REDIS, "7.0", "redis:7.0", 6379, "/data",
                    "In-memory data structure store"),
            new EngineDefinition("Cassandra", EngineKind.CASSANDRA, "4.1", "cassandra:4.1", 9042, "/var/lib/cassandra",
                    "Distributed NoSQL database"),
            new EngineDefinition("SQL Server", EngineKind.SQLSERVER, "2022", "mcr.microsoft.com/mssql/server:2022-latest",
                    1433, "/var/opt/mssql", "Microsoft's relational database"));

    private static final Map<String, EngineKind> ALIASES = Map.of(
            "postgres", EngineKind.POSTGRESQL,
            "mongo", EngineKind.MONGODB,
            "mssql", EngineKind.SQLSERVER);

    private final List<EngineDefinition> engines;
    private final Map<EngineKind, EngineDefinition> byKind;

    /** The official images. */
    public EngineCatalog() {
        this(Map.of());
    }

    /**
     * @param imageOverrides lowercase kind name ({@code postgresql}, {@code mysql}, {@code mongodb},
     *                       {@code redis}, {@code cassandra}, {@code sqlserver}; case and blanks
     *                       ignored) to image; blank values are ignored
     * @throws IllegalArgumentException on an unknown key
     */
    public EngineCatalog(Map<String, String> imageOverrides) {
        Map<EngineKind, String> overrides = new EnumMap<>(EngineKind.class);
        if (imageOverrides != null) {
            imageOverrides.forEach((key, image) -> {
                EngineKind kind = kindOf(key).orElseThrow(() -> new IllegalArgumentException(
                        "unknown engine '" + key + "' in image overrides; expected one of " + keys()));
                if (image != null && !image.isBlank()) {
                    overrides.put(kind, image.strip());
                }
            });
        }
        List<EngineDefinition> list = new ArrayList<>();
        Map<EngineKind, EngineDefinition> map = new EnumMap<>(EngineKind.class);
        for (EngineDefinition d : DEFAULTS) {
            EngineDefinition e = overrides.containsKey(d.kind()) ? d.withImage(overrides.get(d.kind())) : d;
            list.add(e);
            map.put(e.kind(), e);
        }
        this.engines = Collections.unmodifiableList(list);
        this.byKind = Collections.unmodifiableMap(map);
    }

    public static EngineCatalog defaults() {
        return new EngineCatalog();
    }

    public static EngineCatalog withImageOverrides(Map<String, String> imageOverrides) {
        return new EngineCatalog(imageOverrides);
    }

    /** All engines in the seed's order. */
    public List<EngineDefinition> all() {
        return engines;
    }

    public EngineDefinition get(EngineKind kind) {
        return byKind.get(kind);
    }

    /**
     * By display name or kind name, case-insensitively, ignoring blanks, '-' and '_': "PostgreSQL",
     * "postgresql", "postgres", "MySQL", "SQL Server", "sqlserver", "mssql", "MongoDB", "mongo"...
     */
    public Optional<EngineDefinition> find(String nameOrKind) {
        return kindOf(nameOrKind).map(byKind::get);
    }

    /** Like {@link #find} but throws {@link IllegalArgumentException} for an unknown engine. */
    public EngineDefinition require(String nameOrKind) {
        return find(nameOrKind).orElseThrow(() -> new IllegalArgumentException("unknown engine: " + nameOrKind));
    }

    /** Kind by display name, kind name or alias. */
    public static Optional<EngineKind> kindOf(String nameOrKind) {
        if (nameOrKind == null) {
            return Optional.empty();
        }
        String normalized = normalize(nameOrKind);
        for (EngineKind kind : EngineKind.values()) {
            if (kind.key().equals(normalized)) {
                return Optional.of(kind);
            }
        }
        for (EngineDefinition d : DEFAULTS) {
            if (normalize(d.name()).equals(normalized)) {
                return Optional.of(d.kind());
            }
        }
        return Optional.ofNullable(ALIASES.get(normalized));
    }

    private static String normalize(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "");
    }

    private static List<String> keys() {
        return java.util.Arrays.stream(EngineKind.values()).map(EngineKind::key).toList();
    }
}
