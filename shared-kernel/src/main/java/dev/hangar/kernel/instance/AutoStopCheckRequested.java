package dev.hangar.kernel.instance;

import java.time.Instant;

/** An auto-stop check was asked for ({@code ownerId} null: every owner's instances). */
public record AutoStopCheckRequested(String runId, String requestedBy, String ownerId, boolean dryRun, Instant at) {
}
