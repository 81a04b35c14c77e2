package dev.hangar.api.databases;

import dev.hangar.kernel.database.DatabaseView;
import dev.hangar.kernel.database.EngineView;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

final class DatabaseDtos {

    private DatabaseDtos() {
    }

    record CreateRequest(@NotBlank @Size(max = 50) String engine, @Size(max = 63) String databaseName) {
    }

    record Created(String id, String engine, String databaseName, String status, String host, int port, String username,
                   String password, String connectionString, Instant createdAt) {
        @Override
        public String toString() {
            return "Created[id=" + id + ", password=***]";
        }
    }

    record Summary(String id, String engine, String databaseName, String status, String host, int port, String username,
                   String failureReason, Instant createdAt, Instant updatedAt) {
        static Summary of(DatabaseView v) {
            return new Summary(v.id(), v.engine(), v.databaseName(), v.status().name(), v.host(), v.port(), v.username(),
                    v.failureReason(), v.createdAt(), v.updatedAt());
        }
    }

    record Detail(String id, String engine, String databaseName, String status, String host, int port, String username,
                  String connectionString, String containerId, String failureReason, Instant createdAt,
                  Instant updatedAt) {
        static Detail of(DatabaseView v, EngineView engine) {
            return new Detail(v.id(), v.engine(), v.databaseName(), v.status().name(), v.host(), v.port(), v.username(),
                    ConnectionStrings.of(engine.scheme(), v.username(), null, v.host(), v.port(), v.databaseName()),
                    v.containerName(), v.failureReason(), v.createdAt(), v.updatedAt());
        }
    }

    record StatusChange(String id, String status, String message) {
    }

    record Rotated(String id, String username, String newPassword, String connectionString, String message) {
        @Override
        public String toString() {
            return "Rotated[id=" + id + ", newPassword=***]";
        }
    }

    record Message(String message) {
    }
}
