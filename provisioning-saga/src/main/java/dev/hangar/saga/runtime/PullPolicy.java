package dev.hangar.saga.runtime;

import java.util.Locale;

/** When the runtime pulls a workload's image: only when it is {@code missing}, {@code never}, or {@code always}. */
public enum PullPolicy {
    MISSING, NEVER, ALWAYS;

    public static PullPolicy parse(String value) {
        try {
            return value == null || value.isBlank() ? MISSING : valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("hangar.provisioning.pull-policy must be missing, never or always, not '"
                    + value + "'");
        }
    }
}
