package dev.hangar.kernel.workload;

/**
 * A request or start event that says how its readiness is probed; the engine's settings apply to those
 * that do not (databases).
 */
public interface WorkloadHealthChecked extends WorkloadEvent {

    HealthCheck healthCheck();
}
