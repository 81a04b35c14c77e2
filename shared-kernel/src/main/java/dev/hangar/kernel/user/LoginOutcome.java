package dev.hangar.kernel.user;

import java.time.Instant;

public record LoginOutcome(Result result, String userId, Instant lockedUntil) {

    public enum Result { SUCCEEDED, INVALID_CREDENTIALS, LOCKED, INACTIVE }

    public static LoginOutcome of(Result result, String userId) {
        return new LoginOutcome(result, userId, null);
    }

    public boolean succeeded() {
        return result == Result.SUCCEEDED;
    }
}
