package dev.hangar.api.security;

import dev.hangar.api.config.ReadCacheConfiguration;
import dev.hangar.api.consistency.ReadYourWrites;
import dev.hangar.kernel.user.FindUserById;
import dev.hangar.kernel.user.UserView;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;

/**
 * Looks users up in the read model; a user not there yet is waited for once (a fresh write, a rebuild).
 * Each user's state is cached on this node ({@link ReadCacheConfiguration#USERS}, Caffeine through
 * Spring's cache abstraction) and evicted by that user's own events, right after the user projection
 * has applied them ({@link UserCacheEviction}): a deactivation or a role change holds from the next
 * request, as it did when every request read the read model.
 */
@Component
public class UserDirectory {

    private final QueryGateway queries;
    private final ReadYourWrites consistency;
    private final Cache users;

    public UserDirectory(QueryGateway queries, ReadYourWrites consistency, CacheManager caches) {
        this.queries = queries;
        this.consistency = consistency;
        this.users = caches.getCache(ReadCacheConfiguration.USERS);
    }

    public Optional<UserView> find(String userId) {
        Optional<UserView> user = cached(userId);
        if (user.isEmpty()) {
            // not in the read model (yet): never cached, so the next request asks again
            consistency.await();
            user = query(userId);
            if (user.isPresent()) {
                evict(userId);
            }
        }
        return user;
    }

    /** Drops this node's copy of the user's state; the next request reads the read model. */
    public void evict(String userId) {
        users.evict(userId);
    }

    private Optional<UserView> cached(String userId) {
        return ReadCacheConfiguration.present(users, userId, () -> query(userId).orElse(null));
    }

    private Optional<UserView> query(String userId) {
        return queries.query(new FindUserById(userId), ResponseTypes.optionalInstanceOf(UserView.class)).join();
    }
}
