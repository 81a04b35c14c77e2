package dev.hangar.kernel.service;

import java.time.Instant;

/**
 * {@code nomadJobId}: the deployment's container name (seed 002 names Nomad; Hangar runs Docker).
 * {@code ports}: the container ports and the host ports they are published on (empty before the request).
 */
public record DeploymentView(String id, String serviceId, DeploymentStatus status, String nomadJobId,
                             String containerId, String deployedBy, String failureReason, Instant createdAt,
                             Instant startedAt, Instant completedAt, java.util.List<PublishedPort> ports) {

    public DeploymentView {
        ports = ports == null ? java.util.List.of() : java.util.List.copyOf(ports);
    }
}
