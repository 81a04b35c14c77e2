package dev.hangar.kernel.service;

import dev.hangar.kernel.workload.WorkloadEnded;
import java.time.Instant;

/** The container did not come up; the engine removed what it made. */
public record ServiceDeploymentFailed(String serviceId, String deploymentId, String reason, Instant failedAt)
        implements WorkloadEnded {
    @Override
    public String workloadId() {
        return deploymentId;
    }
}
