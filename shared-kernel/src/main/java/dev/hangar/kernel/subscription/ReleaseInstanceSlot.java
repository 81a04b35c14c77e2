package dev.hangar.kernel.subscription;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReleaseInstanceSlot(@TargetAggregateIdentifier String subscriptionId, String instanceId) {
}
