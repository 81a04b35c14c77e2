package dev.hangar.api.security;

import dev.hangar.kernel.user.SessionRevoked;
import dev.hangar.kernel.user.SessionStarted;
import dev.hangar.kernel.user.UserActivated;
import dev.hangar.kernel.user.UserDeactivated;
import dev.hangar.kernel.user.UserLockedOut;
import dev.hangar.kernel.user.UserProfileUpdated;
import dev.hangar.kernel.user.UserRegistered;
import dev.hangar.kernel.user.UserRoleChanged;
import dev.hangar.query.user.UserProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Evicts a user's cached state on each of the user's events. It is a handler of the user
 * projection's own processing group, ordered after the projection: the read model already holds the
 * change when the entry goes, and the processor's token (what read-your-writes waits for) moves on
 * only after both. Evicted again when the unit of work ends, for a load that raced the first one.
 */
@Component
@ProcessingGroup(UserProjection.GROUP)
@Order(Ordered.LOWEST_PRECEDENCE)
class UserCacheEviction {

    private final UserDirectory users;

    UserCacheEviction(UserDirectory users) {
        this.users = users;
    }

    @EventHandler
    void on(UserRegistered e) {
        evict(e.userId());
    }

    @EventHandler
    void on(UserProfileUpdated e) {
        evict(e.userId());
    }

    @EventHandler
    void on(UserRoleChanged e) {
        evict(e.userId());
    }

    @EventHandler
    void on(UserActivated e) {
        evict(e.userId());
    }

    @EventHandler
    void on(UserDeactivated e) {
        evict(e.userId());
    }

    @EventHandler
    void on(UserLockedOut e) {
        evict(e.userId());
    }

    @EventHandler
    void on(SessionStarted e) {
        evict(e.userId());
    }

    /** A logout or a deactivation ends a session: its access tokens are refused from the next request. */
    @EventHandler
    void on(SessionRevoked e) {
        evict(e.userId());
    }

    private void evict(String userId) {
        users.evict(userId);
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().onCleanup(u -> users.evict(userId));
        }
    }
}
