package dev.hangar.kernel.database;

import dev.hangar.kernel.workload.WorkloadReady;
import java.time.Instant;

public record DatabaseResumed(String instanceId, String containerId, Instant resumedAt) implements WorkloadReady {

    @Override
    public String workloadId() {
        return instanceId;
    }
}
