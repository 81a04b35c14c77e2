package dev.hangar.kernel.service;

import java.time.Instant;

/**
 * A deployment was asked for and answered {@code pending}; its container is requested at once, or
 * once the previous deployment's container is gone (a redeploy, a start after a failure).
 */
public record ServiceDeploymentCreated(String serviceId, String tenantId, String deploymentId, String containerName,
                                       String deployedBy, Instant createdAt) {
}
