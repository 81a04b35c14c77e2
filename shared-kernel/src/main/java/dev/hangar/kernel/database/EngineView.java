package dev.hangar.kernel.database;

/**
 * An engine of the catalog. {@code scheme} names its connection-string scheme; {@code fixedUsername}
 * is the login the engine imposes (Redis's "default"), null where Hangar makes one per database.
 */
public record EngineView(String name, String version, int port, String description, boolean available, String scheme,
                         String fixedUsername) {
}
