package dev.hangar.saga.engine;

import java.util.Objects;

/**
 * Login of a database instance. {@code username} and {@code database} may be null for engines that
 * have none (Redis). {@link #toString()} never shows the password.
 */
public record Credentials(String username, String password, String database, String adminPassword) {

    public Credentials {
        Objects.requireNonNull(password, "password");
    }

    /** Without an administrative secret: the tenant's login is the engine's only one (databases from before issue 14). */
    public Credentials(String username, String password, String database) {
        this(username, password, database, null);
    }

    public Credentials withPassword(String newPassword) {
        return new Credentials(username, newPassword, database, adminPassword);
    }

    /**
     * With Hangar's own administrative secret for the engine: the tenant's login then owns its database
     * and nothing more, and Hangar keeps an administrative login the tenant never sees.
     */
    public Credentials withAdmin(String secret) {
        return new Credentials(username, password, database, secret);
    }

    public boolean hasAdmin() {
        return adminPassword != null && !adminPassword.isBlank();
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=****, database=" + database + ", admin="
                + (hasAdmin() ? "****" : "none") + "]";
    }
}
