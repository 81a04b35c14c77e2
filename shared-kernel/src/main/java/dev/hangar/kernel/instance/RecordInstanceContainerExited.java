package dev.hangar.kernel.instance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The engine's event stream or the reconciler saw the container go ({@code action}: die, stop, kill, oom, destroy). */
public record RecordInstanceContainerExited(@TargetAggregateIdentifier String instanceId, String action) {
}
