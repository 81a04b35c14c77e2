package dev.hangar.kernel.workload;

/** The engine accepts the new secret: it is the workload's secret from now on. */
public interface WorkloadSecretRotated extends WorkloadEvent {

    String rotationId();

    String secretCiphertext();
}
