package dev.hangar.kernel.database;

/** Every user's databases whose container should be running now: the reconciler's work list. */
public record ListDatabasesExpectedRunning() {
}
