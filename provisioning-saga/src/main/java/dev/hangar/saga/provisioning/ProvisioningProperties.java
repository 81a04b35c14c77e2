package dev.hangar.saga.provisioning;

import dev.hangar.saga.workload.WorkloadSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hangar.provisioning.*}: where containers run and how the provisioning engine paces them.
 * {@code pullPolicy}: {@code missing} (pull an image that is not on the host), {@code never},
 * {@code always}. The executor's limits bound how much container work runs at once in all, per
 * tenant and per container host.
 */
@ConfigurationProperties("hangar.provisioning")
public record ProvisioningProperties(
        String dockerHost,
        @DefaultValue("0.0.0.0") String publishIp,
        @DefaultValue("127.0.0.1") String engineHost,
        @DefaultValue("missing") String pullPolicy,
        @DefaultValue("120s") Duration readinessTimeout,
        @DefaultValue("250ms") Duration probeInterval,
        @DefaultValue("10s") Duration retryInterval,
        @DefaultValue("60s") Duration maxRetryInterval,
        @DefaultValue("true") boolean deferCpuLimit,
        @DefaultValue("16") int maxConcurrent,
        @DefaultValue("4") int maxConcurrentPerTenant,
        @DefaultValue("12") int maxConcurrentPerHost,
        @DefaultValue("60s") Duration reconcileInterval,
        @DefaultValue("10s") Duration reconcileInitialDelay) {

    public ProvisioningSettings settings() {
        return new ProvisioningSettings(publishIp, engineHost);
    }

    public WorkloadSettings workloadSettings() {
        return new WorkloadSettings(probeInterval, readinessTimeout, retryInterval, maxRetryInterval, deferCpuLimit,
                maxConcurrent, maxConcurrentPerTenant, maxConcurrentPerHost);
    }
}
