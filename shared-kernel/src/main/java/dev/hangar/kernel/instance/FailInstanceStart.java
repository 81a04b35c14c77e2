package dev.hangar.kernel.instance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The engine's report: starting the instance failed; the container is kept. */
public record FailInstanceStart(@TargetAggregateIdentifier String instanceId, String reason) {
}
