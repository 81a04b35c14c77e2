package dev.hangar.saga.runtime;

/**
 * One sample of a container's usage: {@code cpuPercent} of one CPU (may exceed 100 with several),
 * {@code memoryBytes} in use (without the page cache), and the container's id and state.
 */
public record ContainerUsage(String containerId, String status, double cpuPercent, long memoryBytes) {
}
