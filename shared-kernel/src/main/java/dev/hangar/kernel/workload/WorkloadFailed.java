package dev.hangar.kernel.workload;

/**
 * The workload can no longer run where it was: it failed to come up, or its container went behind
 * Hangar's back.
 */
public interface WorkloadFailed extends WorkloadEvent {
}
