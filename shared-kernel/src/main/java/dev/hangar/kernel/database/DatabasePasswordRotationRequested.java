package dev.hangar.kernel.database;

import java.time.Instant;

public record DatabasePasswordRotationRequested(String instanceId, String rotationId, String newPasswordCiphertext,
                                                Instant requestedAt) {
}
