package dev.hangar.saga.engine;

import dev.hangar.kernel.database.Engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
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
            EngineDefinition.of(Engine.MYSQL, "mysql:8.0", 3306, "/var/lib/mysql",
                    "Popular open-source relational database"),
            EngineDefinition.of(Engine.POSTGRESQL, "postgres:14", 5432, "/var/lib/postgresql/data",
                    "Advanced open-source relational database"),
            EngineDefinition.of(Engine.MONGODB, "mongo:6.0", 27017, "/data/db", "NoSQL document database"),
            EngineDefinition.of(Engine.REDIS, "redis:7.0", 6379, "/data", "In-memory data structure store"),
            EngineDefinition.of(Engine.CASSANDRA, "cassandra:4.1", 9042, "/var/lib/cassandra",
                    "Distributed NoSQL database"),
            EngineDefinition.of(Engine.SQLSERVER, "mcr.microsoft.com/mssql/server:2022-latest", 1433,
                    "/var/opt/mssql", "Microsoft's relational database"));

    private final List<EngineDefinition> engines;
    private final Map<Engine, EngineDefinition> byKind;

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
        Map<Engine, String> overrides = new EnumMap<>(Engine.class);
        if (imageOverrides != null) {
            imageOverrides.forEach((key, image) -> {
                Engine kind = kindOf(key).orElseThrow(() -> new IllegalArgumentException(
                        "unknown engine '" + key + "' in image overrides; expected one of " + keys()));
                if (image != null && !image.isBlank()) {
                    overrides.put(kind, image.strip());
                }
            });
        }
        List<EngineDefinition> list = new ArrayList<>();
        Map<Engine, EngineDefinition> map = new EnumMap<>(Engine.class);
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

    public EngineDefinition get(Engine kind) {
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

    /** Kind by display name, kind name or alias: the kernel's {@link Engine#resolve}. */
    public static Optional<Engine> kindOf(String nameOrKind) {
        return Engine.resolve(nameOrKind);
    }

    private static List<String> keys() {
        return java.util.Arrays.stream(Engine.values()).map(Engine::key).toList();
    }
}
