package dev.hangar.kernel.user;

import java.time.Instant;

/** {@code passwordHash} is a slow one-way hash (bcrypt); the password itself is never recorded. */
public record UserRegistered(String userId, String username, String email, String passwordHash,
                             String firstName, String lastName, String name, UserType userType, Role role,
                             String tenantId, String tenantUrl, Instant registeredAt) {
    @Override
    public String toString() {
        return "UserRegistered[userId=" + userId + ", username=" + username + ", tenantUrl=" + tenantUrl + "]";
    }
}
