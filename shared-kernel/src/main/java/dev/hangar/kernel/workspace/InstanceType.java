package dev.hangar.kernel.workspace;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of database a workspace can connect, and how each is probed. */
public enum InstanceType {
    POSTGRESQL, MYSQL, MARIADB, REDIS;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<InstanceType> parse(String value) {
        return value == null ? Optional.empty()
                : Arrays.stream(values()).filter(t -> t.key().equals(value.trim().toLowerCase(Locale.ROOT))).findFirst();
    }

    /** The database a probe logs in to: none for MySQL/MariaDB (a user may lack rights on {@code mysql}). */
    public String systemDatabase() {
        return switch (this) {
            case POSTGRESQL -> "postgres";
            case MYSQL, MARIADB -> null;
            case REDIS -> "0";
        };
    }
}
