package dev.hangar.saga.runtime;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The port through which Hangar drives containers. Every operation is idempotent and addresses a
 * container by its name, so a step repeated after a crash finds what the first attempt made.
 * Failures surface as {@link ContainerRuntimeException}.
 */
public interface ContainerRuntime {

    /** Whether the engine answers at all. */
    boolean ping();

    /** When {@link #ensureRunning} pulls an image. */
    PullPolicy pullPolicy();

    /** Whether the image is present on the host. */
    boolean hasImage(String image);

    /** The registry's reason for this node's last failed pull of the image; null if none failed since it last succeeded. */
    default String lastPullFailure(String image) {
        return null;
    }

    /**
     * Creates the named volume if missing, creates the container if missing (labels, port binding,
     * memory and CPU limits, volume mount), pulling its image first where the pull policy allows,
     * and starts it if it is not running.
     */
    ContainerHandle ensureRunning(ContainerSpec spec);

    /**
     * As {@link #ensureRunning(ContainerSpec)}, telling {@code progress} how a pull goes (a first line when it
     * starts, then at most about once a second, a last one when it is done).
     */
    default ContainerHandle ensureRunning(ContainerSpec spec, java.util.function.Consumer<String> progress) {
        return ensureRunning(spec);
    }

    /** Changes a container's memory and CPU limits in place (0: no limit); a missing container is an error. */
    void updateResources(String containerName, long memoryBytes, long nanoCpus);

    /** Starts an existing stopped container; false if it does not exist. */
    boolean start(String containerName);

    /** Stops the container (clean shutdown, bounded wait); a missing or stopped container is fine. */
    void stop(String containerName);

    /** Removes the container (forced) and, if asked, its volume; missing ones are fine. */
    void remove(String containerName, String volumeName);

    Optional<ContainerState> inspect(String containerName);

    /** Every container (running or not) carrying all of {@code labels}; a runtime that cannot list answers none. */
    default java.util.List<ContainerState> list(java.util.Map<String, String> labels) {
        return java.util.List.of();
    }

    /** The container's published ports: container port to host port; empty when it is missing or not running. */
    default java.util.Map<Integer, Integer> publishedPorts(String containerName) {
        return java.util.Map.of();
    }

    /** How many CPUs the engine's host has (0: unknown); a CPU limit above it is refused by the engine. */
    default int hostCpus() {
        return 0;
    }

    /** Whether the engine can give containers NVIDIA GPUs (its runtimes include {@code nvidia}). */
    default boolean hasNvidiaGpus() {
        return false;
    }

    /** Runs a command inside a running container; answers exit code and output. */
    ExecResult exec(String containerName, String... command);

    /**
     * The container's last {@code tail} log lines (stdout and stderr), since {@code since} if not
     * null, each beginning with its RFC 3339 timestamp; at most {@code maxBytes} of them, waiting at
     * most {@code timeout}. Empty for a missing container.
     */
    default java.util.List<String> logs(String containerName, int tail, java.time.Instant since, int maxBytes,
                                        java.time.Duration timeout) {
        throw new UnsupportedOperationException("logs");
    }

    /** One usage sample of the container, waiting at most {@code timeout}; empty for a missing container. */
    default Optional<ContainerUsage> usage(String containerName, java.time.Duration timeout) {
        throw new UnsupportedOperationException("usage");
    }

    /** The engine's own id (a node id). */
    default String engineId() {
        return "local";
    }

    /**
     * Streams the engine's container events (start, die, stop, kill, oom, destroy) for containers
     * labelled {@code hangar.instance-id} to {@code listener} until the returned handle is closed.
     */
    AutoCloseable watch(Consumer<ContainerEvent> listener);
}
