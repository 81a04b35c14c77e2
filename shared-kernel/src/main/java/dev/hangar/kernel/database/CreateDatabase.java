package dev.hangar.kernel.database;

/**
 * Asks for a database. The engine has been checked against the catalog by the caller;
 * {@code databaseName} may be null on FREE (one is generated), and is required on other plans;
 * {@code username} is null unless the engine imposes one.
 */
public record CreateDatabase(String instanceId, String ownerId, String engine, String engineVersion,
                             String databaseName, String username, String host) {
}
