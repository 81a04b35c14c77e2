package dev.hangar.kernel.instance;

/** A port of an instance's template: the container port and what it is ({@code jupyter}, {@code ssh}, {@code webTerminal}, {@code http}). */
public record InstancePort(int port, String type) {
}
