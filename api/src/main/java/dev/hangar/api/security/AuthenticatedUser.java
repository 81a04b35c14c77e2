package dev.hangar.api.security;

import dev.hangar.kernel.user.Role;
import dev.hangar.kernel.user.UserView;

/** The caller, as the read model knows them at this request. */
public record AuthenticatedUser(String userId, String username, String email, Role role, String tenantId,
                                String tenantUrl) {

    static AuthenticatedUser of(UserView view) {
        return new AuthenticatedUser(view.id(), view.username(), view.email(), view.role(), view.tenantId(),
                view.tenantUrl());
    }
}
