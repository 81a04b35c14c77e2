package dev.hangar.kernel.instance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The engine's report: container and volume are gone. */
public record CompleteInstanceDeletion(@TargetAggregateIdentifier String instanceId) {
}
