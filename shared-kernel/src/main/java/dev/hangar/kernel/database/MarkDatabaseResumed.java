package dev.hangar.kernel.database;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record MarkDatabaseResumed(@TargetAggregateIdentifier String instanceId, String containerId) {
}
