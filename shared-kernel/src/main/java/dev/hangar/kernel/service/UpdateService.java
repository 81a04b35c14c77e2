package dev.hangar.kernel.service;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Null fields keep their value. A running service is redeployed with the new config. */
public record UpdateService(@TargetAggregateIdentifier String serviceId, String tenantId, String updatedBy, String name, String type,
                            String description, ServiceConfig config) {
    @Override
    public String toString() {
        return "UpdateService[serviceId=" + serviceId + ", tenantId=" + tenantId + "]";
    }
}
