package dev.hangar.kernel.workload;

/** The engine still accepts the previous secret, and only that one: the rotation did not happen. */
public interface WorkloadSecretRotationAbandoned extends WorkloadEvent {

    String rotationId();
}
