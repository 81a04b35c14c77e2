package dev.hangar.kernel.database;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record FailDatabase(@TargetAggregateIdentifier String instanceId, String reason) {
}
