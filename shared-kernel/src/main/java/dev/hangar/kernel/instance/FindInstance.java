package dev.hangar.kernel.instance;

/** One instance of the owner, by id. */
public record FindInstance(String ownerId, String instanceId) {
}
