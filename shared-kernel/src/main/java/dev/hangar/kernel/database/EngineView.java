package dev.hangar.kernel.database;

/**
 * An engine of the catalog. {@code scheme} names its connection-string scheme; {@code fixedUsername}
 * is the login the engine imposes (Redis's "default"), null where Hangar makes one per database.
 * {@code image} is the catalog's image; {@code reason} says why the engine cannot run now, or what a
 * first create will do first (pull the image); null where it runs now with nothing to fetch.
 */
public record EngineView(String name, String version, int port, String description, boolean available, String scheme,
                         String fixedUsername, String image, String reason) {
}
