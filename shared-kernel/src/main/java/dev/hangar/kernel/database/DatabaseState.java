package dev.hangar.kernel.database;

import java.util.Optional;

/** What {@link WatchDatabase} answers and emits: the database's view, or null once it is gone (deleted, or never was). */
public record DatabaseState(String instanceId, DatabaseView view) {

    public static DatabaseState gone(String instanceId) {
        return new DatabaseState(instanceId, null);
    }

    public Optional<DatabaseView> current() {
        return Optional.ofNullable(view);
    }
}
