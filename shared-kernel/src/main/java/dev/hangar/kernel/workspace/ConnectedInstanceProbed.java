package dev.hangar.kernel.workspace;

import java.time.Instant;

/** A probe whose outcome (status, version or message) differs from the last one recorded. */
public record ConnectedInstanceProbed(String instanceId, String tenantId, long revision, InstanceHealth status,
                                      String version, String message, Instant probedAt) {
}
