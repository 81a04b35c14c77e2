package dev.hangar.kernel.service;

import dev.hangar.kernel.workload.WorkloadRequested;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Run the deployment's container. The workload is the deployment ({@code workloadId} = its id), the
 * owner its tenant. {@code environment} values are SecretBox ciphertext.
 */
public record ServiceDeploymentRequested(String serviceId, String tenantId, String deploymentId, String containerName,
                                         String image, List<PublishedPort> ports, Map<String, String> environment,
                                         long memoryBytes, long nanoCpus, Instant requestedAt) implements WorkloadRequested {
    @Override
    public String workloadId() {
        return deploymentId;
    }

    @Override
    public String ownerId() {
        return tenantId;
    }
}
