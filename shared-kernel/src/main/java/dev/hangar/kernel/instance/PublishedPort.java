package dev.hangar.kernel.instance;

/** A container port of an instance as published on its host: {@code hostPort} on the host, {@code type} as in the template. */
public record PublishedPort(int port, int hostPort, String type) {
}
