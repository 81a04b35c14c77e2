package dev.hangar.api.platform;

import dev.hangar.api.security.UserDirectory;
import dev.hangar.kernel.user.ListUsers;
import dev.hangar.kernel.user.UserPage;
import dev.hangar.kernel.user.UserView;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** Platform v1's one read facade: users, through the query bus. Controllers read nothing else. */
@Component
class PlatformDirectory {

    private final QueryGateway queries;
    private final UserDirectory users;

    PlatformDirectory(QueryGateway queries, UserDirectory users) {
        this.queries = queries;
        this.users = users;
    }

    /** A user just written by this request (registration, profile update): waited for if not projected yet. */
    UserView user(String userId) {
        return users.find(userId).orElseThrow();
    }

    UserPage users(int limit, int offset) {
        return queries.query(new ListUsers(limit, offset), UserPage.class).join();
    }
}
