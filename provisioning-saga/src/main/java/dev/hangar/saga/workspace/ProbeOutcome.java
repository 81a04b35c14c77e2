package dev.hangar.saga.workspace;

import dev.hangar.kernel.workspace.InstanceHealth;

/** What one probe found: healthy with the version the server reports, or unhealthy and why. */
public record ProbeOutcome(InstanceHealth status, String version, String message) {

    public static ProbeOutcome healthy(String version) {
        return new ProbeOutcome(InstanceHealth.HEALTHY, version, "Connected");
    }

    public static ProbeOutcome unhealthy(String message) {
        return new ProbeOutcome(InstanceHealth.UNHEALTHY, null, message);
    }
}
