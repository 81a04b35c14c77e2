package dev.hangar.saga.provisioning;

/**
 * {@code publishIp}: where the engine publishes workload ports (0.0.0.0: every interface).
 * {@code engineHost}: the address Hangar reaches those ports at for readiness checks and password
 * changes (the container host).
 */
public record ProvisioningSettings(String publishIp, String engineHost) {
}
