package dev.hangar.api.security;

import dev.hangar.api.consistency.ReadYourWrites;
import dev.hangar.kernel.user.FindUserById;
import dev.hangar.kernel.user.UserView;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** Looks users up in the read model; a user not there yet is waited for once (a fresh write, a rebuild). */
@Component
public class UserDirectory {

    private final QueryGateway queries;
    private final ReadYourWrites consistency;

    public UserDirectory(QueryGateway queries, ReadYourWrites consistency) {
        this.queries = queries;
        this.consistency = consistency;
    }

    public Optional<UserView> find(String userId) {
        Optional<UserView> user = query(userId);
        if (user.isEmpty()) {
            consistency.await();
            user = query(userId);
        }
        return user;
    }

    private Optional<UserView> query(String userId) {
        return queries.query(new FindUserById(userId), ResponseTypes.optionalInstanceOf(UserView.class)).join();
    }
}
