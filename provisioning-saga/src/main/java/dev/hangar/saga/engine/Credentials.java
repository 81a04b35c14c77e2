package dev.hangar.saga.engine;

import java.util.Objects;

/**
 * Login of a database instance. {@code username} and {@code database} may be null for engines that
 * have none (Redis). {@link #toString()} never shows the password.
 */
public record Credentials(String username, String password, String database) {

    public Credentials {
        Objects.requireNonNull(password, "password");
    }

    public Credentials withPassword(String newPassword) {
        return new Credentials(username, newPassword, database);
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=****, database=" + database + "]";
    }
}
