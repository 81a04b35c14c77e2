package dev.hangar.kernel.service;

import java.time.Instant;

/** {@code nomadJobId}: the deployment's container name (seed 002 names Nomad; Hangar runs Docker). */
public record DeploymentView(String id, String serviceId, DeploymentStatus status, String nomadJobId,
                             String containerId, String deployedBy, String failureReason, Instant createdAt,
                             Instant startedAt, Instant completedAt) {
}
