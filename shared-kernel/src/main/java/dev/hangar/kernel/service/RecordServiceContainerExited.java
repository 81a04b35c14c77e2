package dev.hangar.kernel.service;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.time.Instant;

/**
 * The engine's event stream (or the reconciler) saw a deployment's container go at {@code at}
 * (null: now); an exit from before the deployment last became ready (a restart's own stop) is no news.
 */
public record RecordServiceContainerExited(@TargetAggregateIdentifier String serviceId, String deploymentId, String action, Instant at) {
}
