package dev.hangar.kernel.instance;

import dev.hangar.kernel.workload.WorkloadStopped;
import java.time.Instant;

/** The instance's container has stopped; its volume stays. */
public record InstanceStopped(String instanceId, String ownerId, String name, InstanceStatus previousStatus, String webhookUrl, Instant at)
        implements InstanceStatusChanged, WorkloadStopped {

    @Override
    public String workloadId() {
        return instanceId;
    }

    @Override
    public InstanceStatus status() {
        return InstanceStatus.STOPPED;
    }

    @Override
    public String reason() {
        return null;
    }
}
