package dev.hangar.kernel.service;

import dev.hangar.kernel.workload.WorkloadStopped;
import java.time.Instant;

/** A restart's container has stopped. */
public record ServiceContainerPaused(String serviceId, String deploymentId, Instant stoppedAt)
        implements WorkloadStopped {
    @Override
    public String workloadId() {
        return deploymentId;
    }
}
