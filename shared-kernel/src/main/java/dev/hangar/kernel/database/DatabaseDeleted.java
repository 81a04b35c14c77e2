package dev.hangar.kernel.database;

import java.time.Instant;

/** Container and volume are gone; the slot and the port are free again. */
public record DatabaseDeleted(String instanceId, String ownerId, int port, Instant deletedAt) {
}
