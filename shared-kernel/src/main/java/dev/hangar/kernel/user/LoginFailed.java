package dev.hangar.kernel.user;

import java.time.Instant;

public record LoginFailed(String userId, int consecutiveFailures, Instant failedAt) {
}
