package dev.hangar.kernel.service;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The container of a restart has stopped; it is started again. */
public record RecordServiceContainerStopped(@TargetAggregateIdentifier String serviceId, String deploymentId) {
}
