package dev.hangar.query.compute;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** How many of an owner's instances Hangar stopped for inactivity (kept after they are deleted). */
@Document("compute_instance_auto_stops")
record AutoStopTallyDocument(@Id String id, long stopped) {
}
