package dev.hangar.kernel.instance;

import java.time.Instant;

/** A step while the instance is creating or starting (an image pull's progress); the status stays. */
public record InstanceProgressed(String instanceId, String ownerId, String message, Instant at) {
}
