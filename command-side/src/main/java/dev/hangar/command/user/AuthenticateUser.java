package dev.hangar.command.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AuthenticateUser(@TargetAggregateIdentifier String userId, String password, String sessionId,
                               String refreshTokenId) {
    @Override
    public String toString() {
        return "AuthenticateUser[userId=" + userId + ", password=***]";
    }
}
