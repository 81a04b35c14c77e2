package dev.hangar.kernel.service;

import dev.hangar.kernel.workload.WorkloadReady;
import java.time.Instant;

public record ServiceDeploymentCompleted(String serviceId, String deploymentId, String containerId,
                                         Instant completedAt) implements WorkloadReady {
    @Override
    public String workloadId() {
        return deploymentId;
    }
}
