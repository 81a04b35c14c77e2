package dev.hangar.kernel.database;

import dev.hangar.kernel.workload.WorkloadSecretRotationAbandoned;
import java.time.Instant;

/** The engine still has the previous password. */
public record DatabasePasswordRotationFailed(String instanceId, String rotationId, String reason, Instant failedAt) implements WorkloadSecretRotationAbandoned {

    @Override
    public String workloadId() {
        return instanceId;
    }
}
