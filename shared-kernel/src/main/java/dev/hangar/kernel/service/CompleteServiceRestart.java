package dev.hangar.kernel.service;

public record CompleteServiceRestart(String serviceId, String deploymentId, String containerId) {
}
