package dev.hangar.kernel.service;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordServiceContainerRemoved(@TargetAggregateIdentifier String serviceId, String deploymentId) {
}
