package dev.hangar.kernel.user;

import java.time.Instant;

/** The read model of a user; carries no secret. */
public record UserView(String id, String username, String email, String firstName, String lastName, String name,
                       UserType userType, Role role, boolean active, String tenantId, String tenantUrl,
                       Instant lockedUntil, Instant createdAt, Instant updatedAt) {
}
