package dev.hangar.kernel.user;

import java.time.Instant;

public record RefreshTokenRotated(String userId, String sessionId, String refreshTokenId, Instant rotatedAt) {
}
