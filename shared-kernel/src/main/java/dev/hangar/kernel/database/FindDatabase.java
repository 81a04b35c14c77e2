package dev.hangar.kernel.database;

/** Scoped to its owner: another user's database is not found. */
public record FindDatabase(String ownerId, String instanceId) {
}
