package dev.hangar.kernel.user;

import java.time.Instant;

/** Too many failed logins in a row: logins are refused until {@code lockedUntil}. */
public record UserLockedOut(String userId, int consecutiveFailures, Instant lockedUntil, Instant lockedAt) {
}
