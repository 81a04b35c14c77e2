package dev.hangar.kernel.instance;

import java.time.Instant;

/** The instance has a new name (the old one is free again). */
public record InstanceRenamed(String instanceId, String ownerId, String previousName, String name, Instant at) {
}
