package dev.hangar.kernel.instance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.List;

/** The engine's report: the container runs again and its health check passed. */
public record MarkInstanceStarted(@TargetAggregateIdentifier String instanceId, String containerId, List<PublishedPort> ports) {
}
