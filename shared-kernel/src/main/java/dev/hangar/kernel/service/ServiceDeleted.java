package dev.hangar.kernel.service;

import java.time.Instant;

public record ServiceDeleted(String serviceId, String tenantId, String type, Instant deletedAt) {
}
