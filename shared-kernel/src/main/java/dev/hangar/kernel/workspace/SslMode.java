package dev.hangar.kernel.workspace;

import java.util.Arrays;
import java.util.Optional;

/** libpq's spelling of TLS modes, which seed 000 uses for every engine. */
public enum SslMode {
    DISABLE("disable"), PREFER("prefer"), REQUIRE("require"), VERIFY_CA("verify-ca"), VERIFY_FULL("verify-full");

    private final String key;

    SslMode(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<SslMode> parse(String value) {
        return value == null ? Optional.empty() : Arrays.stream(values()).filter(m -> m.key.equals(value.trim())).findFirst();
    }
}
