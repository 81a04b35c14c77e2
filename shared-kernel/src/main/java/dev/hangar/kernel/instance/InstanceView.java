package dev.hangar.kernel.instance;

import java.time.Instant;
import java.util.List;

/** A compute instance as the read model holds it. */
public record InstanceView(String id, String ownerId, String name, InstanceStatus status, String statusMessage, String region, String instanceType, String productName, String templateId, int gpuNum, boolean gpuAttached, String gpuNote, int rootfsSize, String image, double cpus, long memoryBytes, List<PublishedPort> ports, String containerId, String containerName, String webhookUrl, Instant createdAt, Instant updatedAt, Instant readyAt, Instant lastUsedAt, Long autoStopAfterSeconds) {
}
