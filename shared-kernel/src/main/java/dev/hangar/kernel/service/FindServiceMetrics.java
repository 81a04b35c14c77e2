package dev.hangar.kernel.service;

/** The engine's figures of a deployment's container; answers {@link ServiceMetrics}. */
public record FindServiceMetrics(String containerName) {
}
