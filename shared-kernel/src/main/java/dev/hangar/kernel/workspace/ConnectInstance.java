package dev.hangar.kernel.workspace;

/** Answered with the new instance's id; a name taken in the workspace is a CONFLICT. */
public record ConnectInstance(String instanceId, String tenantId, String workspaceName, String ownerId,
                              InstanceSpec spec) {
}
