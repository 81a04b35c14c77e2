package dev.hangar.command.user;

import dev.hangar.kernel.user.Role;
import dev.hangar.kernel.user.UserType;

/** Issued by the identity handler once every unique name is claimed and the password is hashed. */
public record CreateUserAccount(String userId, String username, String email, String passwordHash,
                                String firstName, String lastName, String name, UserType userType, Role role,
                                String tenantId, String tenantUrl) {
    @Override
    public String toString() {
        return "CreateUserAccount[userId=" + userId + ", username=" + username + "]";
    }
}
