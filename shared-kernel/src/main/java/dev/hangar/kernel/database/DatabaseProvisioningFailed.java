package dev.hangar.kernel.database;

import dev.hangar.kernel.workload.WorkloadEnded;
import java.time.Instant;

/** Nothing of the attempt is left on the host; the slot and the port are free again. */
public record DatabaseProvisioningFailed(String instanceId, String ownerId, int port, String reason, Instant failedAt) implements WorkloadEnded {

    @Override
    public String workloadId() {
        return instanceId;
    }
}
