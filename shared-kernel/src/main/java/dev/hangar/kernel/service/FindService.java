package dev.hangar.kernel.service;

/** Answers an {@code Optional<ServiceView>}: the tenant's service, empty for another tenant's. */
public record FindService(String tenantId, String serviceId) {
}
