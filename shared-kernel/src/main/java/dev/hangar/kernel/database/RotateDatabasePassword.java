package dev.hangar.kernel.database;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RotateDatabasePassword(@TargetAggregateIdentifier String instanceId) {
}
