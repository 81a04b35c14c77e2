package dev.hangar.kernel.instance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The engine's report of a step while bringing the instance up (an image pull's progress). */
public record RecordInstanceProgress(@TargetAggregateIdentifier String instanceId, String message) {
}
