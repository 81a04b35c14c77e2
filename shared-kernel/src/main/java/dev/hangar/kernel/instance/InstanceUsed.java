package dev.hangar.kernel.instance;

import java.time.Instant;

/** The owner reported a use of the instance at {@code lastUsedAt} (recorded at {@code at}). */
public record InstanceUsed(String instanceId, String ownerId, Instant lastUsedAt, Instant at) {
}
