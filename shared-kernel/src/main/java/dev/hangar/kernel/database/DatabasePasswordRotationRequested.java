package dev.hangar.kernel.database;

import dev.hangar.kernel.workload.WorkloadSecretRotationRequested;
import java.time.Instant;

public record DatabasePasswordRotationRequested(String instanceId, String rotationId, String newPasswordCiphertext,
                                                Instant requestedAt) implements WorkloadSecretRotationRequested {

    @Override
    public String workloadId() {
        return instanceId;
    }

    @Override
    public String newSecretCiphertext() {
        return newPasswordCiphertext;
    }
}
