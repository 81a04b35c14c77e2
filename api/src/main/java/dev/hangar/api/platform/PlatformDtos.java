package dev.hangar.api.platform;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.hangar.api.surface.ValidEmail;
import dev.hangar.api.surface.ValidPassword;
import dev.hangar.kernel.common.Limits;
import dev.hangar.kernel.user.UserView;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** Platform v1 (seed 002) speaks snake_case. */
final class PlatformDtos {

    private PlatformDtos() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RegisterRequest(
            @NotBlank @Size(min = Limits.USERNAME_MIN, max = Limits.USERNAME_MAX) @Pattern(regexp = "^[A-Za-z0-9_.-]+$",
                    message = "may contain only letters, digits, '_', '.' and '-'") String username,
            @NotBlank @ValidEmail String email,
            @NotBlank @ValidPassword String password,
            @Size(max = Limits.PERSON_NAME_MAX) String firstName,
            @Size(max = Limits.PERSON_NAME_MAX) String lastName) {
        @Override
        public String toString() {
            return "RegisterRequest[username=" + username + "]";
        }
    }

    record LoginRequest(@NotBlank @Size(max = Limits.EMAIL_MAX) String username, @NotBlank @Size(max = 128) String password) {
        @Override
        public String toString() {
            return "LoginRequest[username=" + username + "]";
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RefreshRequest(@NotBlank String refreshToken) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record UpdateMeRequest(@Size(max = Limits.PERSON_NAME_MAX) String firstName,
                           @Size(max = Limits.PERSON_NAME_MAX) String lastName, @ValidEmail String email) {
    }

    record RoleRequest(@NotBlank String role) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record User(String id, String username, String email, String firstName, String lastName, String role,
                boolean isActive, String tenantId, String tenantUrl, Instant lockedUntil, Instant createdAt,
                Instant updatedAt) {
        static User of(UserView v) {
            return new User(v.id(), v.username(), v.email(), v.firstName(), v.lastName(), v.role().wire(), v.active(),
                    v.tenantId(), v.tenantUrl(), v.lockedUntil(), v.createdAt(), v.updatedAt());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record SessionUser(String id, String username, String email, String role, boolean isActive) {
        static SessionUser of(UserView v) {
            return new SessionUser(v.id(), v.username(), v.email(), v.role().wire(), v.active());
        }
    }

    record Registered(String message, User user) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Session(String token, String refreshToken, SessionUser user, Instant expiresAt) {
    }

    record UserList(List<User> users, long total, int limit, int offset) {
    }

    record Message(String message) {
    }
}
