package dev.hangar.kernel.database;

import dev.hangar.kernel.workload.WorkloadStartRequested;
import java.time.Instant;

public record DatabaseResumeRequested(String instanceId, Instant requestedAt) implements WorkloadStartRequested {

    @Override
    public String workloadId() {
        return instanceId;
    }
}
