package dev.hangar.kernel.instance;

import java.time.Instant;
import java.util.List;

/** An auto-stop check ran: the idle instances it found and those it stopped (none for a dry run). */
public record AutoStopCheckCompleted(String runId, String requestedBy, String ownerId, boolean dryRun,
                                     List<String> candidates, List<String> stopped, Instant at) {

    public AutoStopCheckCompleted {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        stopped = stopped == null ? List.of() : List.copyOf(stopped);
    }
}
