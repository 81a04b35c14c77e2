package dev.hangar.kernel.service;

import java.time.Instant;
import java.util.List;

/** A service as its tenant sees it; {@code config} plain. {@code deployments} oldest first. */
public record ServiceView(String id, String tenantId, String name, String type, ServiceStatus status,
                          String description, ServiceConfig config, String templateId, String createdBy,
                          String failureReason, Instant createdAt, Instant updatedAt, List<DeploymentView> deployments) {

    /** The latest deployment, if any. */
    public java.util.Optional<DeploymentView> latestDeployment() {
        return deployments == null || deployments.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(deployments.get(deployments.size() - 1));
    }
}
