package dev.hangar.kernel.user;

import java.time.Instant;

/** The new BCrypt hash; never the password. */
public record PasswordChanged(String userId, String passwordHash, Instant changedAt) {
    @Override
    public String toString() {
        return "PasswordChanged[userId=" + userId + ", changedAt=" + changedAt + "]";
    }
}
