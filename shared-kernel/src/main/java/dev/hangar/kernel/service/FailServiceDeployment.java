package dev.hangar.kernel.service;

public record FailServiceDeployment(String serviceId, String deploymentId, String reason) {
}
