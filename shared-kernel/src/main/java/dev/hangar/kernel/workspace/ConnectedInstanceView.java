package dev.hangar.kernel.workspace;

import java.time.Instant;

/** A connected instance as the read model holds it; the password and SSL key only as ciphertext. */
public record ConnectedInstanceView(String instanceId, String tenantId, String workspaceName, String ownerId,
                                    InstanceProfile profile, InstanceConnection connection, InstanceHealth status,
                                    String version, String statusMessage, Instant created, Instant updated) {
}
