package dev.hangar.kernel.database;
import java.time.Instant;

/** The read model of a database: connection details without the password. */
public record DatabaseView(String id, String ownerId, String engine, String engineVersion, String databaseName,
                           DatabaseStatus status, String host, int port, String username, String containerName,
                           String containerId, String failureReason, String lastRotationId,
                           String lastRotationOutcome, Instant createdAt, Instant updatedAt) {
}
