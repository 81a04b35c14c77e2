package dev.hangar.kernel.workspace;

/** What describes a connected instance without touching how it is reached. */
public record InstanceProfile(String name, String description, String vendor, String nodeId, String environmentId,
                              boolean enabled) {
}
