package dev.hangar.query.compute;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How many of an owner's instances Hangar stopped for inactivity (kept after they are deleted), and the
 * ids of the latest events counted, so that an event handled again is not counted twice.
 */
@Document("compute_instance_auto_stops")
record AutoStopTallyDocument(@Id String id, long stopped, List<String> counted) {

    /** Far more than one batch of events can hold for one owner: a replayed batch is always within them. */
    static final int COUNTED_KEPT = 100;
}
