package dev.hangar.query.database;

import dev.hangar.kernel.database.DatabaseStatus;
import dev.hangar.kernel.database.DatabaseView;
import dev.hangar.kernel.database.PasswordRotation;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** No password here, not even encrypted: the read store never sees a credential. */
@Document(DatabaseDocument.COLLECTION)
record DatabaseDocument(@Id String id, String ownerId, String engine, String engineVersion, String databaseName,
                        DatabaseStatus status, String host, int port, String username, String containerName,
                        String containerId, String failureReason, String lastRotationId,
                        PasswordRotation.Outcome lastRotationState, String lastRotationFailure,
                        Instant createdAt, Instant updatedAt) {

    static final String COLLECTION = "databases";

    DatabaseView toView() {
        return new DatabaseView(id, ownerId, engine, engineVersion, databaseName, status, host, port, username,
                containerName, containerId, failureReason, lastRotation(), createdAt, updatedAt);
    }

    /**
     * Null before the first rotation (or in a document written before the outcome was typed, whose
     * {@code lastRotationOutcome} string is no longer read).
     */
    private PasswordRotation lastRotation() {
        return lastRotationId == null || lastRotationState == null ? null
                : new PasswordRotation(lastRotationId, lastRotationState, lastRotationFailure);
    }
}
