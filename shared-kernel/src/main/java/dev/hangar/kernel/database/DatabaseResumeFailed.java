package dev.hangar.kernel.database;

import java.time.Instant;

public record DatabaseResumeFailed(String instanceId, String reason, Instant failedAt) {
}
