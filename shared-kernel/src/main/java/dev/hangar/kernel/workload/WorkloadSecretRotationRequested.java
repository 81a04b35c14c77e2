package dev.hangar.kernel.workload;

/**
 * The workload's secret (a database password) is to change to {@code newSecretCiphertext}, recorded
 * encrypted before the engine is touched, so a crash mid-change can find out which one holds.
 */
public interface WorkloadSecretRotationRequested extends WorkloadEvent {

    String rotationId();

    String newSecretCiphertext();
}
