package dev.hangar.saga.workload;

import dev.hangar.kernel.workload.HealthCheck;
import dev.hangar.kernel.workload.WorkloadRequested;
import dev.hangar.saga.runtime.ContainerSpec;

/**
 * What one kind of workload (databases today; compute instances and services next) tells the
 * provisioning engine: the container to run, how to tell that it is ready, how to change its
 * secret, and which commands report each outcome to its aggregate. Everything else (queues,
 * deadlines, retries, clean-up) is the engine's and the same for every kind.
 *
 * <p>{@code secretCiphertext} is always the workload's current secret as SecretBox ciphertext;
 * implementations decrypt it only for the moment they use it.
 */
public interface WorkloadType<R extends WorkloadRequested> {

    Class<R> requestType();

    /** The owner whose share of the executor this work counts against. */
    default String tenant(R request) {
        return request.ownerId();
    }

    /** The container host this workload runs on. */
    default String host(R request) {
        return "local";
    }

    /** The secret the workload starts with (ciphertext), null for none. */
    default String initialSecret(R request) {
        return null;
    }

    String containerName(R request);

    /** The named volume that holds the workload's data, removed with it; null for none. */
    String volumeName(R request);

    ContainerSpec containerSpec(R request, String secretCiphertext);

    /** One readiness check, bounded in time; false means "not yet" and is asked again later. */
    boolean ready(R request, String secretCiphertext);

    /** One readiness check as the workload's health check says ({@code check} null: the workload's own way). */
    default boolean ready(R request, String secretCiphertext, HealthCheck check) {
        return ready(request, secretCiphertext);
    }

    /**
     * Whether a new workload that failed to come up keeps its container (and volume) for a later start;
     * false: they are removed and the failure ends the workload.
     */
    default boolean keepsFailedContainer() {
        return false;
    }

    /** Whether the workload accepts this secret now (a login); false also when it cannot be reached. */
    default boolean acceptsSecret(R request, String secretCiphertext) {
        return ready(request, secretCiphertext);
    }

    /** Changes the secret inside the running workload; throws when the workload refuses. */
    default void changeSecret(R request, String currentCiphertext, String newCiphertext) {
        throw new UnsupportedOperationException("this workload has no secret to change");
    }

    /** The command that records a step of bringing the workload up (an image pull's progress); null: not recorded. */
    default Object progress(R request, String message) {
        return null;
    }

    Object provisioned(R request, String containerId);

    Object provisioningFailed(R request, String reason);

    Object stopped(R request);

    Object started(R request, String containerId);

    Object startFailed(R request, String reason);

    Object removed(R request);

    Object secretRotated(R request, String rotationId);

    Object secretRotationAbandoned(R request, String rotationId, String reason);
}
