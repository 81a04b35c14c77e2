package dev.hangar.kernel.instance;

import dev.hangar.kernel.workload.WorkloadStartFailed;
import java.time.Instant;

/** Starting the instance failed; the container is kept for another start. */
public record InstanceStartFailed(String instanceId, String ownerId, String name, InstanceStatus previousStatus, String webhookUrl, String reason, Instant at)
        implements InstanceStatusChanged, WorkloadStartFailed {

    @Override
    public String workloadId() {
        return instanceId;
    }

    @Override
    public InstanceStatus status() {
        return InstanceStatus.FAILED;
    }
}
