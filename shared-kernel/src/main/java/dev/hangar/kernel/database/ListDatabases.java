package dev.hangar.kernel.database;

public record ListDatabases(String ownerId) {
}
