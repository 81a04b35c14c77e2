package dev.hangar.kernel.service;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RestartService(@TargetAggregateIdentifier String serviceId, String tenantId) {
}
