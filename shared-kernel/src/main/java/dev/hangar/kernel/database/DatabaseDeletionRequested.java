package dev.hangar.kernel.database;

import java.time.Instant;

public record DatabaseDeletionRequested(String instanceId, Instant requestedAt) {
}
