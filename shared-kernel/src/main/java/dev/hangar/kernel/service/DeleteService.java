package dev.hangar.kernel.service;

public record DeleteService(String serviceId, String tenantId) {
}
