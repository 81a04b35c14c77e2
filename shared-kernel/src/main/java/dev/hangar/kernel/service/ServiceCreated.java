package dev.hangar.kernel.service;

import java.time.Instant;

/** {@code config}: sealed (environment and custom variable values are SecretBox ciphertext). */
public record ServiceCreated(String serviceId, String tenantId, String name, String type, String description,
                             ServiceConfig config, String templateId, String createdBy, Instant createdAt) {
}
