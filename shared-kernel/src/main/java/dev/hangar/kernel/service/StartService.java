package dev.hangar.kernel.service;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Answers the new deployment's {@link DeploymentView} (pending). */
public record StartService(@TargetAggregateIdentifier String serviceId, String tenantId, String deploymentId, String deployedBy) {
}
