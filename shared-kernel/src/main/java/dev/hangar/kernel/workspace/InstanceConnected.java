package dev.hangar.kernel.workspace;

import java.time.Instant;

public record InstanceConnected(String instanceId, String tenantId, String workspaceName, String ownerId,
                                InstanceProfile profile, InstanceConnection connection, Instant connectedAt) {
}
