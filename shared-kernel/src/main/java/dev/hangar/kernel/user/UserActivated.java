package dev.hangar.kernel.user;

import java.time.Instant;

public record UserActivated(String userId, Instant activatedAt) {
}
