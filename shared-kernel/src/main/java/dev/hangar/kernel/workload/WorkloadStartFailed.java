package dev.hangar.kernel.workload;

/** Starting the workload again failed; the container is kept for a retry. */
public interface WorkloadStartFailed extends WorkloadEvent {
}
