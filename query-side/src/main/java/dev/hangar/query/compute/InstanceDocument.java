package dev.hangar.query.compute;

import dev.hangar.kernel.instance.InstanceStatus;
import dev.hangar.kernel.instance.InstanceView;
import dev.hangar.kernel.instance.PublishedPort;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A compute instance; no token here, not even encrypted. */
@Document(InstanceDocument.COLLECTION)
record InstanceDocument(@Id String id, String ownerId, String name, InstanceStatus status, String statusMessage,
                        String region, String instanceType, String productName, String templateId, int gpuNum,
                        boolean gpuAttached, String gpuNote, int rootfsSize, String image, double cpus,
                        long memoryBytes, List<PublishedPort> ports, String containerId, String containerName,
                        String webhookUrl, Instant createdAt, Instant updatedAt, Instant readyAt, Instant lastUsedAt,
                        Long autoStopAfterSeconds) {

    static final String COLLECTION = "compute_instances";

    InstanceView toView() {
        return new InstanceView(id, ownerId, name, status, statusMessage, region, instanceType, productName, templateId,
                gpuNum, gpuAttached, gpuNote, rootfsSize, image, cpus, memoryBytes, ports == null ? List.of() : ports,
                containerId, containerName, webhookUrl, createdAt, updatedAt, readyAt, lastUsedAt,
                autoStopAfterSeconds);
    }
}
