package dev.hangar.command.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The profile change once a new email (if any) is claimed; null fields stay as they are. */
public record ReviseProfile(@TargetAggregateIdentifier String userId, String firstName, String lastName, String email) {
}
