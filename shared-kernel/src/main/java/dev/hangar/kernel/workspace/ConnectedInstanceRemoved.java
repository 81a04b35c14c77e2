package dev.hangar.kernel.workspace;

import java.time.Instant;

public record ConnectedInstanceRemoved(String instanceId, String tenantId, String workspaceName, String name,
                                       Instant removedAt) {
}
