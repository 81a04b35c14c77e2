package dev.hangar.api.onboarding;

import dev.hangar.kernel.subscription.FindSubscriptionByUser;
import dev.hangar.kernel.subscription.SubscriptionView;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** Whether a user's subscription has reached the read model (not just the FREE default shown before). */
@Component
public class SubscriptionProbe {

    private final QueryGateway queries;

    public SubscriptionProbe(QueryGateway queries) {
        this.queries = queries;
    }

    public boolean isProjected(String userId) {
        return queries.query(new FindSubscriptionByUser(userId), SubscriptionView.class).join().updatedAt() != null;
    }
}
