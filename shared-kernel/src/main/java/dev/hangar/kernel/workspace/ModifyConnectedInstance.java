package dev.hangar.kernel.workspace;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ModifyConnectedInstance(@TargetAggregateIdentifier String instanceId, InstanceSpec changes) {
}
