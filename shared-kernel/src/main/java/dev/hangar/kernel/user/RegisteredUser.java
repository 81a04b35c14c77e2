package dev.hangar.kernel.user;

/** What a registration settled: the identity's derived parts. */
public record RegisteredUser(String userId, String username, String email, String tenantId, String tenantUrl) {
}
