package dev.hangar.kernel.instance;

import dev.hangar.kernel.workload.WorkloadEnded;
import java.time.Instant;

/** Container and volume are gone; the slot and the name are free again. */
public record InstanceDeleted(String instanceId, String ownerId, String name, InstanceStatus previousStatus, String webhookUrl, Instant at)
        implements InstanceStatusChanged, WorkloadEnded {

    @Override
    public String workloadId() {
        return instanceId;
    }

    @Override
    public InstanceStatus status() {
        return InstanceStatus.DELETED;
    }

    @Override
    public String reason() {
        return null;
    }
}
