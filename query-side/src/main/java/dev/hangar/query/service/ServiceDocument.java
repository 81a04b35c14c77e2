package dev.hangar.query.service;

import dev.hangar.kernel.common.SecretBox;
import dev.hangar.kernel.service.DeploymentStatus;
import dev.hangar.kernel.service.DeploymentView;
import dev.hangar.kernel.service.PublishedPort;
import dev.hangar.kernel.service.ServiceConfig;
import dev.hangar.kernel.service.ServiceSecrets;
import dev.hangar.kernel.service.ServiceStatus;
import dev.hangar.kernel.service.ServiceView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A service and its deployments. {@code config} is kept sealed (environment and custom variable
 * values are SecretBox ciphertext); the query handlers open it for the tenant's answer.
 */
@Document(ServiceDocument.COLLECTION)
class ServiceDocument {

    static final String COLLECTION = "services";

    @Id
    String id;
    String tenantId;
    String name;
    String type;
    ServiceStatus status;
    String description;
    ServiceConfig config;
    String templateId;
    String createdBy;
    String failureReason;
    Instant createdAt;
    Instant updatedAt;
    List<Deployment> deployments = new ArrayList<>();

    static class Deployment {
        String id;
        DeploymentStatus status;
        String containerName;
        String containerId;
        String deployedBy;
        String failureReason;
        Instant createdAt;
        Instant startedAt;
        Instant completedAt;
        List<PublishedPort> ports = new ArrayList<>();
    }

    Deployment deployment(String deploymentId) {
        return deployments.stream().filter(d -> d.id.equals(deploymentId)).findFirst().orElse(null);
    }

    ServiceView toView(SecretBox secrets) {
        List<DeploymentView> views = deployments.stream().map(d -> new DeploymentView(d.id, id, d.status,
                d.containerName, d.containerId, d.deployedBy, d.failureReason, d.createdAt, d.startedAt,
                d.completedAt, d.ports)).toList();
        return new ServiceView(id, tenantId, name, type, status, description, ServiceSecrets.open(config, secrets),
                templateId, createdBy, failureReason, createdAt, updatedAt, views);
    }
}
