package dev.hangar.kernel.database;

import java.time.Instant;

/** Nothing of the attempt is left on the host; the slot and the port are free again. */
public record DatabaseProvisioningFailed(String instanceId, String ownerId, int port, String reason, Instant failedAt) {
}
