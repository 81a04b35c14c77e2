package dev.hangar.kernel.service;

import dev.hangar.kernel.workload.WorkloadEnded;
import java.time.Instant;

public record ServiceContainerRemoved(String serviceId, String deploymentId, Instant removedAt)
        implements WorkloadEnded {
    @Override
    public String workloadId() {
        return deploymentId;
    }
}
