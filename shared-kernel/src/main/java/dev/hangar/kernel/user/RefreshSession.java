package dev.hangar.kernel.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Trades the session's current refresh token for the next one. A token presented twice revokes the session. */
public record RefreshSession(@TargetAggregateIdentifier String userId, String sessionId,
                             String presentedTokenId, String nextTokenId) {
}
