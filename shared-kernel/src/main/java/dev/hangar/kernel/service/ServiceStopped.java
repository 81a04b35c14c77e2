package dev.hangar.kernel.service;

import java.time.Instant;

public record ServiceStopped(String serviceId, Instant stoppedAt) {
}
