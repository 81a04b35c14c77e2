package dev.hangar.kernel.service;

import dev.hangar.kernel.workload.WorkloadRemovalRequested;
import java.time.Instant;

/**
 * The deployment's container is to go: the service stops ({@code STOP}), is deleted ({@code DELETE}),
 * or another deployment replaces it ({@code REPLACE}: a redeploy, a start after a failure).
 */
public record ServiceContainerRemovalRequested(String serviceId, String deploymentId, Purpose purpose,
                                               Instant requestedAt) implements WorkloadRemovalRequested {

    public enum Purpose { STOP, DELETE, REPLACE }

    @Override
    public String workloadId() {
        return deploymentId;
    }
}
