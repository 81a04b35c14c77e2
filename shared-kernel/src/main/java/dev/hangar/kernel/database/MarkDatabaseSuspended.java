package dev.hangar.kernel.database;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record MarkDatabaseSuspended(@TargetAggregateIdentifier String instanceId) {
}
