package dev.hangar.kernel.user;

import java.time.Instant;

public record UserDeactivated(String userId, Instant deactivatedAt) {
}
