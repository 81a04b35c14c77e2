package dev.hangar.kernel.database;

/**
 * A subscription query: the database's {@link DatabaseState} now (initial result), then after
 * every change of its read model (updates, emitted once the change is written). Scoped to its
 * owner like {@link FindDatabase}.
 */
public record WatchDatabase(String ownerId, String instanceId) {
}
