package dev.hangar.kernel.service;

import dev.hangar.kernel.workload.WorkloadReady;
import java.time.Instant;

public record ServiceRestarted(String serviceId, String deploymentId, String containerId, Instant restartedAt)
        implements WorkloadReady {
    @Override
    public String workloadId() {
        return deploymentId;
    }
}
