package dev.hangar.kernel.instance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.List;

/** The engine's report: the new instance's container runs and its health check passed. */
public record MarkInstanceRunning(@TargetAggregateIdentifier String instanceId, String containerId, List<PublishedPort> ports) {
}
