package dev.hangar.kernel.database;

import dev.hangar.kernel.workload.WorkloadFailed;
import java.time.Instant;

/** The container stopped, died or vanished while Hangar expected it to run. The volume is kept. */
public record DatabaseContainerExited(String instanceId, String action, Instant exitedAt) implements WorkloadFailed {

    @Override
    public String workloadId() {
        return instanceId;
    }
}
