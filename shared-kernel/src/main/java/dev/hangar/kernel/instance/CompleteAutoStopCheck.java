package dev.hangar.kernel.instance;

import java.util.List;

/** Records what an auto-stop check found ({@code candidates}: idle instance ids) and did ({@code stopped}). */
public record CompleteAutoStopCheck(String runId, String requestedBy, String ownerId, boolean dryRun,
                                    List<String> candidates, List<String> stopped) {
}
