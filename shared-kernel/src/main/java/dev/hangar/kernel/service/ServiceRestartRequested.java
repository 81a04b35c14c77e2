package dev.hangar.kernel.service;

import dev.hangar.kernel.workload.WorkloadStopRequested;
import java.time.Instant;

/** A restart: the container is stopped, then started again (same container, same deployment). */
public record ServiceRestartRequested(String serviceId, String deploymentId, Instant requestedAt)
        implements WorkloadStopRequested {
    @Override
    public String workloadId() {
        return deploymentId;
    }
}
