package dev.hangar.kernel.workspace;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A probe's outcome, reported by the prober; recorded only when it is news for the current revision. */
public record RecordInstanceProbe(@TargetAggregateIdentifier String instanceId, long revision, InstanceHealth status,
                                  String version, String message, Instant probedAt) {
}
