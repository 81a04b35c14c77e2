package dev.hangar.kernel.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeUserRole(@TargetAggregateIdentifier String userId, Role role) {
}
