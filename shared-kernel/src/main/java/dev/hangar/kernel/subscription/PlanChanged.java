package dev.hangar.kernel.subscription;

import java.time.Instant;

public record PlanChanged(String subscriptionId, String userId, Plan previousPlan, Plan plan, Instant changedAt) {
}
