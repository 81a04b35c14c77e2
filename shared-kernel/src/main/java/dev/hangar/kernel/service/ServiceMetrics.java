package dev.hangar.kernel.service;

/**
 * {@code cpuUsage} percent of one CPU, {@code memoryUsage} bytes, {@code allocationId} the container id,
 * {@code allocationStatus} the container's state, {@code nodeId} the engine's id.
 */
public record ServiceMetrics(double cpuUsage, long memoryUsage, String allocationId, String allocationStatus,
                             String nodeId) {
}
