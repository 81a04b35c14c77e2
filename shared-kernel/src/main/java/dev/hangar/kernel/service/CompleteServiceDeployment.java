package dev.hangar.kernel.service;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CompleteServiceDeployment(@TargetAggregateIdentifier String serviceId, String deploymentId, String containerId) {
}
