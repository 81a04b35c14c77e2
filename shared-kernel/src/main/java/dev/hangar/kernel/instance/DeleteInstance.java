package dev.hangar.kernel.instance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes the instance: container and volume go, its plan slot and name are released. */
public record DeleteInstance(@TargetAggregateIdentifier String instanceId) {
}
