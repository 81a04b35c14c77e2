package dev.hangar.kernel.database;

/**
 * Asks for a database. {@code engine} is as the user named it (display name, key or alias: the
 * command side resolves it against {@link Engine}); {@code databaseName} may be null on FREE (one is
 * generated), and is required on other plans; {@code host} is the host shown in connection strings.
 */
public record CreateDatabase(String instanceId, String ownerId, String engine, String databaseName, String host) {
}
