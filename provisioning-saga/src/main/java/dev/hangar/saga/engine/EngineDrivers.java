package dev.hangar.saga.engine;

import dev.hangar.kernel.database.Engine;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@link EngineDriver} of each {@link Engine}. Immutable; the drivers are stateless and thread-safe. */
public final class EngineDrivers {

    private final Map<Engine, EngineDriver> drivers = new EnumMap<>(Engine.class);

    /** All six built-in drivers. */
    public EngineDrivers() {
        this(List.of(new PostgresDriver(), new MysqlDriver(), new MongoDriver(), new RedisDriver(),
                new CassandraDriver(), new SqlServerDriver()));
    }

    /** Exactly these drivers (e.g. fakes in tests); later ones replace earlier ones of the same kind. */
    public EngineDrivers(Collection<? extends EngineDriver> drivers) {
        for (EngineDriver d : drivers) {
            this.drivers.put(d.kind(), d);
        }
    }

    public static EngineDrivers defaults() {
        return new EngineDrivers();
    }

    public Optional<EngineDriver> find(Engine kind) {
        return Optional.ofNullable(drivers.get(kind));
    }

    /** @throws IllegalArgumentException when there is no driver for {@code kind} */
    public EngineDriver get(Engine kind) {
        EngineDriver d = drivers.get(kind);
        if (d == null) {
            throw new IllegalArgumentException("no driver for engine " + kind);
        }
        return d;
    }

    public Collection<EngineDriver> all() {
        return List.copyOf(drivers.values());
    }
}
