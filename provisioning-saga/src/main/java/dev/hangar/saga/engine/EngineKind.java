package dev.hangar.saga.engine;

import java.util.Locale;

/** The database engines Hangar can run. {@link #key()} is the lowercase name used in configuration. */
public enum EngineKind {
    POSTGRESQL, MYSQL, MONGODB, REDIS, CASSANDRA, SQLSERVER;

    /** e.g. {@code postgresql}, {@code sqlserver}: the key of image overrides. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
