package dev.hangar.kernel.instance;

import dev.hangar.kernel.workload.WorkloadReady;
import java.time.Instant;
import java.util.List;

/** The instance's container runs again and its health check passed. */
public record InstanceStarted(String instanceId, String ownerId, String name, InstanceStatus previousStatus, String webhookUrl, String containerId, List<PublishedPort> ports, Instant at)
        implements InstanceStatusChanged, WorkloadReady {

    @Override
    public String workloadId() {
        return instanceId;
    }

    @Override
    public InstanceStatus status() {
        return InstanceStatus.RUNNING;
    }

    @Override
    public String reason() {
        return null;
    }
}
