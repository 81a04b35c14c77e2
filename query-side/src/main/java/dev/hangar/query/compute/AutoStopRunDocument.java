package dev.hangar.query.compute;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One auto-stop check run (a trigger): whose instances ({@code ownerId} null: everyone's), what it found and did. */
@Document("compute_instance_auto_stop_runs")
record AutoStopRunDocument(@Id String id, String ownerId, String requestedBy, boolean dryRun, Instant at,
                           List<String> candidates, List<String> stopped) {
}
