package dev.hangar.kernel.instance;

import dev.hangar.kernel.workload.WorkloadFailed;
import java.time.Instant;

/** The container stopped, died or vanished while Hangar expected it to run (the reason says how); a start brings it back. */
public record InstanceContainerExited(String instanceId, String ownerId, String name, InstanceStatus previousStatus, String webhookUrl, String reason, Instant at)
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
