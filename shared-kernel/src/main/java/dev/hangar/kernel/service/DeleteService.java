package dev.hangar.kernel.service;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeleteService(@TargetAggregateIdentifier String serviceId, String tenantId) {
}
