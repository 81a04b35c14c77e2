package dev.hangar.kernel.service;

/** A subscription query: the service's {@link ServiceState} now, then after every change of its read model. */
public record WatchService(String tenantId, String serviceId) {
}
