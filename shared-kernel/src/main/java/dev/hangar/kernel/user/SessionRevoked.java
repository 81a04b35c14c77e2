package dev.hangar.kernel.user;

import java.time.Instant;

public record SessionRevoked(String userId, String sessionId, String reason, Instant revokedAt) {
}
