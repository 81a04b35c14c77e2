package dev.hangar.kernel.subscription;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes one of the plan's instance slots for {@code instanceId}; refused with PLAN_LIMIT_REACHED when none is free. */
public record ReserveInstanceSlot(@TargetAggregateIdentifier String subscriptionId, String instanceId) {
}
