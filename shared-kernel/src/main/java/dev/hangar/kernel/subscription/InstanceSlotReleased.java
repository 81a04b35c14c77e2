package dev.hangar.kernel.subscription;

import java.time.Instant;

public record InstanceSlotReleased(String subscriptionId, String userId, String instanceId, Instant releasedAt) {
}
