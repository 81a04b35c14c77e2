package dev.hangar.kernel.instance;

import java.time.Duration;

/**
 * The auto-stop of idle compute instances ({@code hangar.instances.auto-stop}): a running instance
 * unused for longer than its threshold is stopped. {@code defaultInactivityThreshold} applies where
 * neither the create body ({@code autoStopMinutes}) nor the catalog's template sets one;
 * {@code checkInterval} is the longest a running instance waits between two looks at it (its next due
 * time is looked at sooner). {@code enabled=false}: nothing is stopped by itself (the trigger still runs).
 */
public record AutoStopSettings(Boolean enabled, Duration defaultInactivityThreshold, Duration checkInterval) {

    public AutoStopSettings {
        enabled = enabled == null || enabled;
        defaultInactivityThreshold = defaultInactivityThreshold == null ? Duration.ofMinutes(20) : defaultInactivityThreshold;
        checkInterval = checkInterval == null ? Duration.ofMinutes(5) : checkInterval;
        if (defaultInactivityThreshold.isNegative() || defaultInactivityThreshold.isZero()
                || checkInterval.isNegative() || checkInterval.isZero()) {
            throw new IllegalArgumentException("hangar.instances.auto-stop: durations must be positive");
        }
    }

    public static AutoStopSettings defaults() {
        return new AutoStopSettings(true, null, null);
    }

    public boolean isEnabled() {
        return enabled;
    }
}
