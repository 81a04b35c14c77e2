package dev.hangar.kernel.subscription;

import java.time.Instant;

public record SubscriptionView(String subscriptionId, String userId, Plan plan, int currentInstances,
                               Instant updatedAt) {

    public int remainingInstances() {
        return Math.max(0, plan.maxInstances() - currentInstances);
    }

    /** A user whose subscription is not projected yet is on FREE with nothing used. */
    public static SubscriptionView initial(String userId) {
        return new SubscriptionView(SubscriptionIds.forUser(userId), userId, Plan.FREE, 0, null);
    }
}
