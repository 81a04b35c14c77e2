package dev.hangar.kernel.instance;

/** The owner's instances, oldest first. */
public record ListInstances(String ownerId) {
}
