package dev.hangar.kernel.instance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The engine's report: the container has stopped. */
public record MarkInstanceStopped(@TargetAggregateIdentifier String instanceId) {
}
