package dev.hangar.kernel.database;

import dev.hangar.kernel.workload.WorkloadEnded;
import java.time.Instant;

/** Container and volume are gone; the slot and the port are free again. */
public record DatabaseDeleted(String instanceId, String ownerId, int port, Instant deletedAt) implements WorkloadEnded {

    @Override
    public String workloadId() {
        return instanceId;
    }
}
