package dev.hangar.kernel.service;

public record RecordServiceContainerRemoved(String serviceId, String deploymentId) {
}
