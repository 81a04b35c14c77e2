package dev.hangar.kernel.subscription;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangePlan(@TargetAggregateIdentifier String subscriptionId, Plan plan) {
}
