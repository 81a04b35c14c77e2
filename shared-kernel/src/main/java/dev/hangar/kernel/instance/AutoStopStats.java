package dev.hangar.kernel.instance;

import java.time.Instant;
import java.util.List;

/**
 * Auto-stop figures from the read model: running instances watched, auto-stops so far, the earliest
 * time one of them is due, and the last check run (null before any).
 */
public record AutoStopStats(int watched, long stoppedSoFar, Instant nextDueAt, String nextDueInstanceId, Run lastRun) {

    public record Run(String runId, boolean dryRun, Instant at, List<String> candidates, List<String> stopped) {
    }
}
