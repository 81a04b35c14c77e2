package dev.hangar.kernel.instance;

import dev.hangar.kernel.workload.WorkloadFailed;
import java.time.Instant;

/** The new instance did not come up (image, container or health check); the container, if any, is kept for a start, and the slot stays held until delete. */
public record InstanceProvisioningFailed(String instanceId, String ownerId, String name, InstanceStatus previousStatus, String webhookUrl, String reason, Instant at)
        implements InstanceStatusChanged, WorkloadFailed {

    @Override
    public String workloadId() {
        return instanceId;
    }

    @Override
    public InstanceStatus status() {
        return InstanceStatus.FAILED;
    }
}
