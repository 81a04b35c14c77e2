package dev.hangar.kernel.service;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * {@code templateConfig}: the named template's config (placeholders unrendered), null without a template;
 * {@code config}'s fields override it, its {@code customVariables} fill the placeholders.
 */
public record CreateService(@TargetAggregateIdentifier String serviceId, String tenantId, String createdBy, String name, String type,
                            String description, ServiceConfig config, String templateId, ServiceConfig templateConfig) {
    @Override
    public String toString() {
        return "CreateService[serviceId=" + serviceId + ", tenantId=" + tenantId + ", type=" + type + "]";
    }
}
