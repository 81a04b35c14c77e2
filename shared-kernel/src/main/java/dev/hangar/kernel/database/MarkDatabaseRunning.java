package dev.hangar.kernel.database;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record MarkDatabaseRunning(@TargetAggregateIdentifier String instanceId, String containerId) {
}
