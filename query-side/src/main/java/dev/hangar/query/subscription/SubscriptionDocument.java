package dev.hangar.query.subscription;

import dev.hangar.kernel.subscription.Plan;
import dev.hangar.kernel.subscription.SubscriptionView;
import java.time.Instant;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Keyed by user: every user has one subscription. Usage is the set of instances holding a slot. */
@Document(SubscriptionDocument.COLLECTION)
record SubscriptionDocument(@Id String userId, String subscriptionId, Plan plan, Set<String> instanceIds,
                            Instant updatedAt) {

    static final String COLLECTION = "subscriptions";

    SubscriptionView toView() {
        return new SubscriptionView(subscriptionId, userId, plan, instanceIds == null ? 0 : instanceIds.size(), updatedAt);
    }
}
