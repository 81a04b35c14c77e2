package dev.hangar.kernel.workload;

/**
 * How a workload's readiness is probed (seed 004's {@code healthCheckConfig}): each probe is bounded by
 * {@code timeoutMs}; probes repeat every {@code retryDelayMs} until one passes or {@code maxWaitTimeMs}
 * is spent (then the workload fails with the reason). {@code targetPort} (container port) is the port
 * probed, null for the workload's default. {@code retryAttempts} is kept as given: the wait is bounded by
 * {@code maxWaitTimeMs}, not by a count.
 */
public record HealthCheck(int timeoutMs, int retryAttempts, int retryDelayMs, int maxWaitTimeMs, Integer targetPort) {

    /** Seed 004's defaults. */
    public static final HealthCheck DEFAULT = new HealthCheck(30000, 3, 2000, 600000, null);

    /** The given values over the defaults. */
    public static HealthCheck of(Integer timeoutMs, Integer retryAttempts, Integer retryDelayMs, Integer maxWaitTimeMs,
                                 Integer targetPort) {
        return new HealthCheck(timeoutMs != null ? timeoutMs : DEFAULT.timeoutMs,
                retryAttempts != null ? retryAttempts : DEFAULT.retryAttempts,
                retryDelayMs != null ? retryDelayMs : DEFAULT.retryDelayMs,
                maxWaitTimeMs != null ? maxWaitTimeMs : DEFAULT.maxWaitTimeMs, targetPort);
    }
}
