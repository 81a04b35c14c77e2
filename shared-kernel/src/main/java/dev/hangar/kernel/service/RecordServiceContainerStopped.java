package dev.hangar.kernel.service;

/** The container of a restart has stopped; it is started again. */
public record RecordServiceContainerStopped(String serviceId, String deploymentId) {
}
