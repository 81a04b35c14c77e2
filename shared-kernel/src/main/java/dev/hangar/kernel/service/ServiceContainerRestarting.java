package dev.hangar.kernel.service;

import dev.hangar.kernel.workload.WorkloadStartRequested;
import java.time.Instant;

/** A restart's container is started again. */
public record ServiceContainerRestarting(String serviceId, String deploymentId, Instant requestedAt)
        implements WorkloadStartRequested {
    @Override
    public String workloadId() {
        return deploymentId;
    }
}
