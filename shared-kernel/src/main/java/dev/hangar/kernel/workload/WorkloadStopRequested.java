package dev.hangar.kernel.workload;

/** The owner asked to stop the workload's container (its volume stays). */
public interface WorkloadStopRequested extends WorkloadEvent {
}
