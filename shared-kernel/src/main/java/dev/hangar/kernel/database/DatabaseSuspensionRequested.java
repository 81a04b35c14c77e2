package dev.hangar.kernel.database;

import dev.hangar.kernel.workload.WorkloadStopRequested;
import java.time.Instant;

public record DatabaseSuspensionRequested(String instanceId, Instant requestedAt) implements WorkloadStopRequested {

    @Override
    public String workloadId() {
        return instanceId;
    }
}
