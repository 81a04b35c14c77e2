package dev.hangar.kernel.instance;

/** The container engine's live view of {@code ownerId}'s compute instance containers (by Hangar's labels). */
public record InspectInstanceContainers(String ownerId) {
}
