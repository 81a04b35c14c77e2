package dev.hangar.kernel.database;

import dev.hangar.kernel.workload.WorkloadStartFailed;
import java.time.Instant;

public record DatabaseResumeFailed(String instanceId, String reason, Instant failedAt) implements WorkloadStartFailed {

    @Override
    public String workloadId() {
        return instanceId;
    }
}
