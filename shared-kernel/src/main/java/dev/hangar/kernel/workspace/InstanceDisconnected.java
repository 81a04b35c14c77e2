package dev.hangar.kernel.workspace;

import java.time.Instant;

/** The instance stays, disabled, and is no longer checked. */
public record InstanceDisconnected(String instanceId, String tenantId, String workspaceName, Instant disconnectedAt) {
}
