package dev.hangar.kernel.user;

import java.time.Instant;

public record UserRoleChanged(String userId, Role previousRole, Role role, Instant changedAt) {
}
