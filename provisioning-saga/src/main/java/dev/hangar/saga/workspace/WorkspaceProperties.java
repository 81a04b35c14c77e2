package dev.hangar.saga.workspace;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hangar.workspaces.*}: how connected instances are probed. Every probe is bounded by
 * {@code probeTimeout} (connect, TLS, login and query each); at most {@code maxConcurrentProbes} run
 * at once, {@code maxConcurrentProbesPerTenant} of one tenant; a tenant may start
 * {@code probesPerMinutePerTenant} probes on demand (connect, modify) a minute. The periodic check
 * runs every {@code checkInterval}, give or take {@code checkJitter} (a fraction of the interval).
 * Addresses in {@link AddressGuard#BUILT_IN_DENY} and in {@code deny} are refused unless in {@code allow}.
 */
@ConfigurationProperties("hangar.workspaces")
public record WorkspaceProperties(
        @DefaultValue("60s") Duration checkInterval,
        @DefaultValue("0.2") double checkJitter,
        @DefaultValue("5s") Duration probeTimeout,
        @DefaultValue("8") int maxConcurrentProbes,
        @DefaultValue("2") int maxConcurrentProbesPerTenant,
        @DefaultValue("30") int probesPerMinutePerTenant,
        @DefaultValue({}) List<String> deny,
        @DefaultValue({}) List<String> allow) {
}
