package dev.hangar.kernel.database;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record FailPasswordRotation(@TargetAggregateIdentifier String instanceId, String rotationId, String reason) {
}
