package dev.hangar.kernel.subscription;

import java.time.Instant;

public record SubscriptionCreated(String subscriptionId, String userId, Plan plan, Instant createdAt) {
}
