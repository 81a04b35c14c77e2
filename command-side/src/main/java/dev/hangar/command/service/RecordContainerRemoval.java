package dev.hangar.command.service;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Internal to the command side: the engine removed a deployment's container; answers whether the service is gone now. */
record RecordContainerRemoval(@TargetAggregateIdentifier String serviceId, String deploymentId) {
}
