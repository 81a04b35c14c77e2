package dev.hangar.kernel.workspace;

import java.time.Instant;

/** The whole profile and connection after the change; {@code reprobe}: address or credentials changed. */
public record ConnectedInstanceModified(String instanceId, String tenantId, String workspaceName,
                                        InstanceProfile profile, InstanceConnection connection, boolean reprobe,
                                        Instant modifiedAt) {
}
