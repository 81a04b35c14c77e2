package dev.hangar.kernel.workload;

/** The workload's container runs and its readiness probe passed (first start or a restart). */
public interface WorkloadReady extends WorkloadEvent {
}
