package dev.hangar.saga.webhook;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hangar.webhooks.*}: how status webhooks are delivered. A delivery gets at most
 * {@code maxAttempts} attempts; after the n-th failure the next waits {@code firstRetryDelay}
 * doubled n-1 times, at most {@code maxRetryDelay}. Each attempt connects within
 * {@code connectTimeout} and must be answered within {@code requestTimeout}; at most
 * {@code maxConcurrentDeliveries} run at once. An attempt whose outcome is not recorded within
 * its time-outs plus {@code attemptWatchMargin} (the process stopped mid-attempt) is made again. Loopback, private, link-local and metadata addresses
 * are refused unless {@code allowLoopback} / {@code allowPrivateAddresses} (link-local and metadata
 * addresses only through {@code allow}); {@code deny} adds CIDR ranges, {@code allow} lets CIDR
 * ranges through whatever else says.
 */
@ConfigurationProperties("hangar.webhooks")
public record WebhookProperties(
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("10s") Duration firstRetryDelay,
        @DefaultValue("15m") Duration maxRetryDelay,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("30s") Duration attemptWatchMargin,
        @DefaultValue("8") int maxConcurrentDeliveries,
        @DefaultValue("false") boolean allowPrivateAddresses,
        @DefaultValue("false") boolean allowLoopback,
        @DefaultValue({}) List<String> deny,
        @DefaultValue({}) List<String> allow) {

    public WebhookProperties {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("hangar.webhooks.max-attempts must be at least 1");
        }
        if (maxConcurrentDeliveries < 1) {
            throw new IllegalArgumentException("hangar.webhooks.max-concurrent-deliveries must be at least 1");
        }
    }

    /** How long to wait after the {@code failedAttempts}-th failed attempt. */
    public Duration retryDelay(int failedAttempts) {
        Duration delay = firstRetryDelay;
        for (int i = 1; i < failedAttempts && delay.compareTo(maxRetryDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }
}
