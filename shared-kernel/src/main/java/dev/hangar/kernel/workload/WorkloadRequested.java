package dev.hangar.kernel.workload;

/**
 * A workload was asked for and holds its resources (slot, port): make its container run and wait
 * until it is ready.
 */
public interface WorkloadRequested extends WorkloadEvent {

    String ownerId();
}
