package dev.hangar.kernel.workload;

/** The owner asked to start a stopped workload's container again. */
public interface WorkloadStartRequested extends WorkloadEvent {
}
