package dev.hangar.kernel.user;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

public enum Role {
    USER("user"), TENANT_ADMIN("tenant_admin"), ADMIN("admin");

    private final String wire;

    Role(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static Role fromWire(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("unknown role " + value));
    }

    public static Optional<Role> parse(String value) {
        return Arrays.stream(values()).filter(r -> r.wire.equalsIgnoreCase(value) || r.name().equalsIgnoreCase(value)).findFirst();
    }
}
