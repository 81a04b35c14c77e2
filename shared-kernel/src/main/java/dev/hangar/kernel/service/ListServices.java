package dev.hangar.kernel.service;

public record ListServices(String tenantId) {
}
