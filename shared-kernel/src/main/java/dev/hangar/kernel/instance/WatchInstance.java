package dev.hangar.kernel.instance;

/** A subscription query: the instance's state now, then every state written. */
public record WatchInstance(String ownerId, String instanceId) {
}
