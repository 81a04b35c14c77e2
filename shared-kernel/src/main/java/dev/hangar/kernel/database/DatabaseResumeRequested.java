package dev.hangar.kernel.database;

import java.time.Instant;

public record DatabaseResumeRequested(String instanceId, Instant requestedAt) {
}
