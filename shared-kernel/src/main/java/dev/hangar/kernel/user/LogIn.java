package dev.hangar.kernel.user;

/** A login by username or email. On success the session's first refresh token is {@code refreshTokenId}. */
public record LogIn(String login, String password, String sessionId, String refreshTokenId) {
    @Override
    public String toString() {
        return "LogIn[login=" + login + ", password=***]";
    }
}
