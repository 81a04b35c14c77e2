package dev.hangar.kernel.instance;

import dev.hangar.kernel.workload.WorkloadStopRequested;
import java.time.Instant;

/**
 * Hangar stops the instance by itself: it was unused since {@code idleSince} for longer than its
 * threshold ({@code thresholdSeconds}). The engine stops it as for an owner's stop; {@code reason}
 * says it was an auto-stop (and reaches the status webhook).
 */
public record InstanceAutoStopRequested(String instanceId, String ownerId, String name, InstanceStatus previousStatus,
                                        String webhookUrl, Instant idleSince, long thresholdSeconds, String reason,
                                        Instant at)
        implements InstanceStatusChanged, WorkloadStopRequested {

    @Override
    public String workloadId() {
        return instanceId;
    }

    @Override
    public InstanceStatus status() {
        return InstanceStatus.STOPPING;
    }
}
