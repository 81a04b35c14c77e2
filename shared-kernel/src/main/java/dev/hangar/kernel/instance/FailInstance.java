package dev.hangar.kernel.instance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The engine's report: the new instance did not come up. */
public record FailInstance(@TargetAggregateIdentifier String instanceId, String reason) {
}
