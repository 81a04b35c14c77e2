package dev.hangar.kernel.database;

import dev.hangar.kernel.workload.WorkloadRequested;
import java.time.Instant;

/**
 * A database was asked for; its slot and host port are already reserved. The password is only
 * here as SecretBox ciphertext. {@code memoryBytes}/{@code nanoCpus} are the plan's limits.
 */
public record DatabaseRequested(String instanceId, String ownerId, String engine, String engineVersion,
                                String databaseName, String username, String passwordCiphertext, String host,
                                int port, String containerName, String volumeName, String plan, long memoryBytes,
                                long nanoCpus, Instant requestedAt) implements WorkloadRequested {

    @Override
    public String workloadId() {
        return instanceId;
    }
}
