package dev.hangar.kernel.database;

import java.time.Instant;

public record DatabaseSuspensionRequested(String instanceId, Instant requestedAt) {
}
