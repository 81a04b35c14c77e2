package dev.hangar.kernel.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeactivateUser(@TargetAggregateIdentifier String userId) {
}
