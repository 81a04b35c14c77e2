package dev.hangar.kernel.instance;

import dev.hangar.kernel.workload.HealthCheck;
import dev.hangar.kernel.workload.WorkloadHealthChecked;
import dev.hangar.kernel.workload.WorkloadStartRequested;
import java.time.Instant;

/** The owner asked to start the instance again, probed as {@code healthCheck} says. */
public record InstanceStartRequested(String instanceId, String ownerId, String name, InstanceStatus previousStatus, String webhookUrl, HealthCheck healthCheck, Instant at)
        implements InstanceStatusChanged, WorkloadStartRequested, WorkloadHealthChecked {

    @Override
    public String workloadId() {
        return instanceId;
    }

    @Override
    public InstanceStatus status() {
        return InstanceStatus.STARTING;
    }

    @Override
    public String reason() {
        return null;
    }
}
