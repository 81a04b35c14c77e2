package dev.hangar.kernel.database;

import java.time.Instant;

public record DatabaseResumed(String instanceId, String containerId, Instant resumedAt) {
}
