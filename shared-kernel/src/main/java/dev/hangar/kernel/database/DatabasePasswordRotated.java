package dev.hangar.kernel.database;

import dev.hangar.kernel.workload.WorkloadSecretRotated;
import java.time.Instant;

/** The engine now accepts only the new password. */
public record DatabasePasswordRotated(String instanceId, String rotationId, String passwordCiphertext, Instant rotatedAt) implements WorkloadSecretRotated {

    @Override
    public String workloadId() {
        return instanceId;
    }

    @Override
    public String secretCiphertext() {
        return passwordCiphertext;
    }
}
