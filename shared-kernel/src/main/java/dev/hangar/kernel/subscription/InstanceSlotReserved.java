package dev.hangar.kernel.subscription;

import java.time.Instant;

public record InstanceSlotReserved(String subscriptionId, String userId, String instanceId, Instant reservedAt) {
}
