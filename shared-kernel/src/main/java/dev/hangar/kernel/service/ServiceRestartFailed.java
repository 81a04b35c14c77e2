package dev.hangar.kernel.service;

import dev.hangar.kernel.workload.WorkloadStartFailed;
import java.time.Instant;

public record ServiceRestartFailed(String serviceId, String deploymentId, String reason, Instant failedAt)
        implements WorkloadStartFailed {
    @Override
    public String workloadId() {
        return deploymentId;
    }
}
