package dev.hangar.kernel.user;

import java.time.Instant;

/** A successful login: a session (refresh-token family) begins with its first token id. */
public record SessionStarted(String userId, String sessionId, String refreshTokenId, Instant startedAt) {
}
