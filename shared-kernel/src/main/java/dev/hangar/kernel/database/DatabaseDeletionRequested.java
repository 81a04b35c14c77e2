package dev.hangar.kernel.database;

import dev.hangar.kernel.workload.WorkloadRemovalRequested;
import java.time.Instant;

public record DatabaseDeletionRequested(String instanceId, Instant requestedAt) implements WorkloadRemovalRequested {

    @Override
    public String workloadId() {
        return instanceId;
    }
}
