package dev.hangar.kernel.database;

import java.time.Instant;

public record DatabaseSuspended(String instanceId, Instant suspendedAt) {
}
