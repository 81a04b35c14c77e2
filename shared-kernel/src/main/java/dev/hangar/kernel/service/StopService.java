package dev.hangar.kernel.service;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record StopService(@TargetAggregateIdentifier String serviceId, String tenantId) {
}
