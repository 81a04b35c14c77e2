package dev.hangar.kernel.service;

/** Answers the new deployment's {@link DeploymentView} (pending). */
public record StartService(String serviceId, String tenantId, String deploymentId, String deployedBy) {
}
