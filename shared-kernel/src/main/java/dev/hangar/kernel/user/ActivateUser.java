package dev.hangar.kernel.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ActivateUser(@TargetAggregateIdentifier String userId) {
}
