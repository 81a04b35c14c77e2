package dev.hangar.kernel.service;

import java.time.Instant;

/** The last {@code tail} log lines of a deployment's container (since {@code since}, if given); answers {@link ServiceLogs}. */
public record FindServiceLogs(String containerName, int tail, Instant since) {
}
