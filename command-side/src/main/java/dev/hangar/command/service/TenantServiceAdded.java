package dev.hangar.command.service;

/** Internal to the command side: the tenant's service of {@code type} is {@code serviceId}. */
public record TenantServiceAdded(String tenantServicesId, String tenantId, String type, String serviceId) {
}
