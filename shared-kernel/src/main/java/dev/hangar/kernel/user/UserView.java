package dev.hangar.kernel.user;

import java.time.Instant;
import java.util.List;

/**
 * The read model of a user; carries no secret.
 *
 * @param tokensValidAfter access tokens issued before this instant are refused (the last deactivation)
 * @param sessions         the ids of the sessions still open; an access token naming another is refused.
 *                         {@code null} for a user whose view predates session tracking.
 */
public record UserView(String id, String username, String email, String firstName, String lastName, String name,
                       UserType userType, Role role, boolean active, String tenantId, String tenantUrl,
                       Instant lockedUntil, Instant createdAt, Instant updatedAt, Instant tokensValidAfter,
                       List<String> sessions) {
}
