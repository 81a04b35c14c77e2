package dev.hangar.kernel.service;

public record RestartService(String serviceId, String tenantId) {
}
