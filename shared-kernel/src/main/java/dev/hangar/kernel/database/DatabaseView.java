package dev.hangar.kernel.database;
import java.time.Instant;

/**
 * The read model of a database: connection details without the password. {@code lastRotation}
 * is null until the first rotation is asked for.
 */
public record DatabaseView(String id, String ownerId, String engine, String engineVersion, String databaseName,
                           DatabaseStatus status, String host, int port, String username, String containerName,
                           String containerId, String failureReason, PasswordRotation lastRotation,
                           Instant createdAt, Instant updatedAt) {
}
