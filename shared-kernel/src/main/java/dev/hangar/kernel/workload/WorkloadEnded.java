package dev.hangar.kernel.workload;

/**
 * The workload is gone for good (removed, or failed and cleaned up): nothing is left to drive.
 */
public interface WorkloadEnded extends WorkloadEvent {
}
