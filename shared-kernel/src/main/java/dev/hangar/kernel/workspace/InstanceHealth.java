package dev.hangar.kernel.workspace;

import java.util.Locale;

/** A connected instance's {@code status}: PENDING until its first probe after a connect or a change of address. */
public enum InstanceHealth {
    PENDING, HEALTHY, UNHEALTHY, DISCONNECTED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
