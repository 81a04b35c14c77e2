package dev.hangar.kernel.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A user's own password change; every session but {@code keepSessionId} (the caller's) ends. */
public record ChangePassword(@TargetAggregateIdentifier String userId, String currentPassword, String newPassword,
                             String keepSessionId) {
    @Override
    public String toString() {
        return "ChangePassword[userId=" + userId + ", passwords=***]";
    }
}
