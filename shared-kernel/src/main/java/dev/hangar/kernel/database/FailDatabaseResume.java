package dev.hangar.kernel.database;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record FailDatabaseResume(@TargetAggregateIdentifier String instanceId, String reason) {
}
