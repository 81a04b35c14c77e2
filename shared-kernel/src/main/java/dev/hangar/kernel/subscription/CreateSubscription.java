package dev.hangar.kernel.subscription;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Idempotent: creating a subscription that exists changes nothing. */
public record CreateSubscription(@TargetAggregateIdentifier String subscriptionId, String userId, Plan plan) {
}
