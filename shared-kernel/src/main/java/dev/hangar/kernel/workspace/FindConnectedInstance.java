package dev.hangar.kernel.workspace;

/** Answered with an {@code Optional<ConnectedInstanceView>}, scoped to the tenant and workspace. */
public record FindConnectedInstance(String tenantId, String workspaceName, String name) {
}
