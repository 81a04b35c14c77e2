package dev.hangar.saga.engine;

import dev.hangar.kernel.database.Engine;

import java.util.Objects;

/**
 * One engine Hangar offers. {@code name} is the display name the API uses ("PostgreSQL", "SQL
 * Server"); {@code image} is what the container runs; {@code port} is the engine's port inside the
 * container and {@code dataPath} the directory that goes on the instance's volume.
 */
public record EngineDefinition(String name, Engine kind, String version, String image, int port, String dataPath,
                               String description) {

    public EngineDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(dataPath, "dataPath");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** Name and version as the kernel's {@link Engine} gives them. */
    public static EngineDefinition of(Engine engine, String image, int port, String dataPath, String description) {
        return new EngineDefinition(engine.displayName(), engine, engine.version(), image, port, dataPath, description);
    }

    public EngineDefinition withImage(String newImage) {
        return new EngineDefinition(name, kind, version, newImage, port, dataPath, description);
    }
}
