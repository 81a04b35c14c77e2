package dev.hangar.kernel.instance;

/** One instance of the owner, by name. */
public record FindInstanceByName(String ownerId, String name) {
}
