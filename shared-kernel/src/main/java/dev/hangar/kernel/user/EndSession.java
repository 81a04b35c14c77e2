package dev.hangar.kernel.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A logout: the session's refresh-token family ends, and with it every access token that names the session. */
public record EndSession(@TargetAggregateIdentifier String userId, String sessionId) {
}
