package dev.hangar.kernel.database;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CompletePasswordRotation(@TargetAggregateIdentifier String instanceId, String rotationId) {
}
