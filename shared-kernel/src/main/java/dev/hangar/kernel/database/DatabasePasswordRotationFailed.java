package dev.hangar.kernel.database;

import java.time.Instant;

/** The engine still has the previous password. */
public record DatabasePasswordRotationFailed(String instanceId, String rotationId, String reason, Instant failedAt) {
}
