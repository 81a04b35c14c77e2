package dev.hangar.kernel.workload;

import java.time.Instant;
import java.util.List;

/**
 * The provisioning engine on this node: container operations running and queued, carried out since
 * start-up, failures recorded, and the saga events that could not be handled at all (each recorded
 * as a failure of its one workload and skipped, so the others go on).
 */
public record ProvisioningHealth(int running, int queued, long operations, long recordedFailures,
                                 List<Incident> poisoned) {

    public record Incident(String workloadId, String event, String reason, Instant at) {
    }
}
