package dev.hangar.command.service;

/** {@code maxPerTenant}: how many services one tenant may have (seed 002: one per type, and a maximum). */
public record ServiceLimits(int maxPerTenant) {

    public ServiceLimits {
        if (maxPerTenant < 1) {
            throw new IllegalArgumentException("hangar.services.max-per-tenant must be at least 1");
        }
    }
}
