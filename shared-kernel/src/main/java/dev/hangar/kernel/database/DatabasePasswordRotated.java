package dev.hangar.kernel.database;

import java.time.Instant;

/** The engine now accepts only the new password. */
public record DatabasePasswordRotated(String instanceId, String rotationId, String passwordCiphertext, Instant rotatedAt) {
}
