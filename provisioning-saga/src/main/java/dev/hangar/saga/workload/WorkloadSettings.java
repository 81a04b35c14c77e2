package dev.hangar.saga.workload;

import java.time.Duration;

/**
 * How the provisioning engine paces its work. {@code probeInterval}: between readiness checks;
 * {@code readinessTimeout}: how long a workload may take to become ready; {@code retryInterval}:
 * the first wait before an operation whose outcome was not reported is tried again (doubling, up
 * to {@code maxRetryInterval}); {@code deferCpuLimit}: create containers without the plan's CPU
 * limit and apply it once the workload is ready, so initialisation runs at full speed; the
 * executor's limits: {@code maxConcurrent} operations at once, {@code perTenant} of one tenant,
 * {@code perHost} on one container host.
 */
public record WorkloadSettings(Duration probeInterval, Duration readinessTimeout, Duration retryInterval,
                               Duration maxRetryInterval, boolean deferCpuLimit, int maxConcurrent, int perTenant,
                               int perHost) {

    public static WorkloadSettings defaults() {
        return new WorkloadSettings(Duration.ofMillis(250), Duration.ofSeconds(120), Duration.ofSeconds(10),
                Duration.ofMinutes(1), true, 16, 4, 12);
    }

    public WorkloadSettings withReadinessTimeout(Duration timeout) {
        return new WorkloadSettings(probeInterval, timeout, retryInterval, maxRetryInterval, deferCpuLimit,
                maxConcurrent, perTenant, perHost);
    }

    /** The wait before retry number {@code attempt} (1-based): doubling from retryInterval, capped. */
    public Duration retryDelay(int attempt) {
        long millis = retryInterval.toMillis() << Math.min(Math.max(attempt - 1, 0), 16);
        return Duration.ofMillis(Math.min(millis, maxRetryInterval.toMillis()));
    }
}
