package dev.hangar.kernel.instance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks the instance whether it is idle: running, and unused (since its last use or since it came
 * up, whichever is later) for longer than its threshold. An idle instance stops itself
 * ({@link InstanceAutoStopRequested}) unless {@code dryRun}. Answers an {@link IdleVerdict}.
 */
public record CheckInstanceIdle(@TargetAggregateIdentifier String instanceId, boolean dryRun) {
}
