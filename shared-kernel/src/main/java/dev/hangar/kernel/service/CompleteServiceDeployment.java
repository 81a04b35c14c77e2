package dev.hangar.kernel.service;

public record CompleteServiceDeployment(String serviceId, String deploymentId, String containerId) {
}
