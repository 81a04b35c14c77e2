package dev.hangar.kernel.instance;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The instance was used at {@code lastUsedAt} (never in the future); a use postpones its auto-stop. */
public record RecordInstanceUse(@TargetAggregateIdentifier String instanceId, Instant lastUsedAt) {
}
