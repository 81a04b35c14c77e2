package dev.hangar.kernel.service;

import java.time.Instant;

/** {@code config}: sealed, as in {@link ServiceCreated}. */
public record ServiceUpdated(String serviceId, String tenantId, String name, String type, String description,
                             ServiceConfig config, String updatedBy, Instant updatedAt) {
}
