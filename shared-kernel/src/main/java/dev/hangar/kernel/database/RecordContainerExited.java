package dev.hangar.kernel.database;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordContainerExited(@TargetAggregateIdentifier String instanceId, String action) {
}
