package dev.hangar.kernel.workload;

/** The workload's container has stopped. */
public interface WorkloadStopped extends WorkloadEvent {
}
