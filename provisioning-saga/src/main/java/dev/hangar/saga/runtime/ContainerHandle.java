package dev.hangar.saga.runtime;

/** {@code created} is false when the container already existed. */
public record ContainerHandle(String containerId, String name, boolean created) {
}
