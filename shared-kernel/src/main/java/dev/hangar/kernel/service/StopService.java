package dev.hangar.kernel.service;

public record StopService(String serviceId, String tenantId) {
}
