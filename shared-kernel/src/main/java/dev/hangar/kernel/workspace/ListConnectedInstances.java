package dev.hangar.kernel.workspace;

public record ListConnectedInstances(String tenantId, String workspaceName) {
}
