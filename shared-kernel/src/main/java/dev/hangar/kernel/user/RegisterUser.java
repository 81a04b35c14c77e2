package dev.hangar.kernel.user;

/**
 * Registers a user with a new tenant. {@code username} may be null: one is then derived from the
 * email. {@code role} is USER for every public surface; only the start-up bootstrap asks for ADMIN.
 */
public record RegisterUser(String userId, String username, String email, String password,
                           String firstName, String lastName, String name, UserType userType, Role role) {
    @Override
    public String toString() {
        return "RegisterUser[userId=" + userId + ", username=" + username + ", email=" + email + ", password=***]";
    }
}
