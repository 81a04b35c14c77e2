package dev.hangar.kernel.instance;

import java.time.Duration;

/** The auto-stop figures of {@code ownerId}'s instances (null: every owner's); {@code defaultThreshold} for instances that name none. */
public record FindAutoStopStats(String ownerId, Duration defaultThreshold) {
}
