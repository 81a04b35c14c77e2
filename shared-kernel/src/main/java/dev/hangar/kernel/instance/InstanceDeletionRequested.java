package dev.hangar.kernel.instance;

import dev.hangar.kernel.workload.WorkloadRemovalRequested;
import java.time.Instant;

/** The owner asked to delete the instance: container and volume are to go. */
public record InstanceDeletionRequested(String instanceId, String ownerId, String name, InstanceStatus previousStatus, String webhookUrl, Instant at)
        implements InstanceStatusChanged, WorkloadRemovalRequested {

    @Override
    public String workloadId() {
        return instanceId;
    }

    @Override
    public InstanceStatus status() {
        return InstanceStatus.DELETING;
    }

    @Override
    public String reason() {
        return null;
    }
}
