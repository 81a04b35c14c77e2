package dev.hangar.kernel.database;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CompleteDatabaseDeletion(@TargetAggregateIdentifier String instanceId) {
}
