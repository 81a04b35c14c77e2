package dev.hangar.kernel.workload;

/**
 * The owner asked to remove the workload, in whatever state it is: cancel what is under way, remove
 * container and volume.
 */
public interface WorkloadRemovalRequested extends WorkloadEvent {
}
