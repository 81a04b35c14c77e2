package dev.hangar.kernel.service;

import dev.hangar.kernel.workload.WorkloadFailed;
import java.time.Instant;

/** The running deployment's container went behind Hangar's back; a start replaces it. */
public record ServiceContainerExited(String serviceId, String deploymentId, String action, Instant exitedAt)
        implements WorkloadFailed {
    @Override
    public String workloadId() {
        return deploymentId;
    }
}
