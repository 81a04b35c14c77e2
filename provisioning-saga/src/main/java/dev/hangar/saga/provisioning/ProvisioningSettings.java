package dev.hangar.saga.provisioning;

import java.time.Duration;

/**
 * {@code publishIp}: where the engine publishes database ports (0.0.0.0: every interface).
 * {@code engineHost}: the address Hangar reaches those ports at for readiness checks and password
 * changes (the container host). {@code readinessTimeout}: how long an engine may take to accept
 * its first login.
 */
public record ProvisioningSettings(String publishIp, String engineHost, Duration readinessTimeout) {
}
