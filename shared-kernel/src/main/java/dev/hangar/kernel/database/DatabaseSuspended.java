package dev.hangar.kernel.database;

import dev.hangar.kernel.workload.WorkloadStopped;
import java.time.Instant;

public record DatabaseSuspended(String instanceId, Instant suspendedAt) implements WorkloadStopped {

    @Override
    public String workloadId() {
        return instanceId;
    }
}
