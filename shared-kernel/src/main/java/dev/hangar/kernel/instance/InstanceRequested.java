package dev.hangar.kernel.instance;

import dev.hangar.kernel.workload.HealthCheck;
import dev.hangar.kernel.workload.WorkloadHealthChecked;
import dev.hangar.kernel.workload.WorkloadRequested;
import java.time.Instant;
import java.util.List;

/**
 * A compute instance was asked for; its plan slot and its name are held. What it runs is resolved from
 * the catalog at this moment (a later catalog change does not alter it): {@code image}, {@code ports}
 * (the template's), {@code nanoCpus}/{@code memoryBytes} (the instance type's or the GPU product's),
 * {@code gpuNum} GPUs of {@code gpuModel}, requested from the engine only when {@code gpuAttached}
 * ({@code gpuNote} says why not). {@code autoStopAfterSeconds}: the inactivity threshold after which a
 * running instance stops by itself (the body's, the template's or the default, resolved here; null in
 * events older than issue 13: the default applies). {@code host}: the region's container host. The workspace's token
 * (Jupyter's token, root's password) only as SecretBox ciphertext.
 */
public record InstanceRequested(String instanceId, String ownerId, String name, String region, String host,
                                String instanceType, String productName, String templateId, String image,
                                List<InstancePort> ports, long nanoCpus, long memoryBytes, String gpuModel, int gpuNum,
                                boolean gpuAttached, String gpuNote, int rootfsSize, HealthCheck healthCheck,
                                String webhookUrl, String tokenCiphertext, String containerName, String volumeName,
                                String plan, long pidsLimit, Long autoStopAfterSeconds, Instant at)
        implements WorkloadRequested, WorkloadHealthChecked, InstanceStatusChanged {

    @Override
    public String workloadId() {
        return instanceId;
    }

    @Override
    public InstanceStatus previousStatus() {
        return null;
    }

    @Override
    public InstanceStatus status() {
        return InstanceStatus.CREATING;
    }

    @Override
    public String reason() {
        return null;
    }

    @Override
    public String toString() {
        return "InstanceRequested[instanceId=" + instanceId + ", name=" + name + ", image=" + image + "]";
    }
}
