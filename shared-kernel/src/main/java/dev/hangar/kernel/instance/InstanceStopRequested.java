package dev.hangar.kernel.instance;

import dev.hangar.kernel.workload.WorkloadStopRequested;
import java.time.Instant;

/** The owner asked to stop the instance. */
public record InstanceStopRequested(String instanceId, String ownerId, String name, InstanceStatus previousStatus, String webhookUrl, Instant at)
        implements InstanceStatusChanged, WorkloadStopRequested {

    @Override
    public String workloadId() {
        return instanceId;
    }

    @Override
    public InstanceStatus status() {
        return InstanceStatus.STOPPING;
    }

    @Override
    public String reason() {
        return null;
    }
}
