package dev.hangar.saga.workspace;

import dev.hangar.kernel.workspace.InstanceConnection;
import java.time.Duration;

/**
 * Probes connected instances off the event processors: {@link #probe} returns at once (inside a
 * unit of work the probe starts once it commits) and the outcome comes back as a
 * {@code RecordInstanceProbe} command.
 */
public interface InstanceProber {

    /** {@code onDemand}: a user asked (connect, modify), counted against the tenant's budget. */
    void probe(String tenantId, String instanceId, InstanceConnection connection, boolean onDemand);

    /** When the next periodic check is due: spread, so that instances connected together do not probe together. */
    Duration nextCheck(boolean first);
}
