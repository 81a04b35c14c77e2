package dev.hangar.kernel.instance;

import java.time.Instant;

/**
 * What {@link CheckInstanceIdle} found: {@code running}, {@code idle} (its threshold has passed),
 * {@code stopped} (this check asked for the stop), {@code idleSince} (its last use, or when it came up)
 * {@code dueAt} (when it is idle if nothing uses it; null when not running) and {@code checkedAt} (the
 * instance's own time of the check).
 */
public record IdleVerdict(String instanceId, boolean running, boolean idle, boolean stopped, Instant idleSince,
                          Instant dueAt, Instant checkedAt) {

    public static IdleVerdict notRunning(String instanceId, Instant checkedAt) {
        return new IdleVerdict(instanceId, false, false, false, null, null, checkedAt);
    }
}
