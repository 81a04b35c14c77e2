package dev.hangar.kernel.instance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives the instance a new name, unique among its owner's instances. */
public record RenameInstance(@TargetAggregateIdentifier String instanceId, String name) {
}
