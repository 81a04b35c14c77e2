package dev.hangar.kernel.service;

/** A container port published on a host port. */
public record PublishedPort(int containerPort, int hostPort) {
}
