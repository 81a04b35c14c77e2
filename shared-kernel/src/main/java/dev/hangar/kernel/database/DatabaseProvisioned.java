package dev.hangar.kernel.database;

import dev.hangar.kernel.workload.WorkloadReady;
import java.time.Instant;

/** The container runs and the engine accepted a login with the new credentials. */
public record DatabaseProvisioned(String instanceId, String containerId, Instant provisionedAt) implements WorkloadReady {

    @Override
    public String workloadId() {
        return instanceId;
    }
}
