package dev.hangar.kernel.instance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import dev.hangar.kernel.workload.HealthCheck;

/** Starts a stopped (or failed) instance; {@code healthCheck} and {@code webhookUrl} replace the instance's when given. */
public record StartInstance(@TargetAggregateIdentifier String instanceId, HealthCheck healthCheck, String webhookUrl) {
}
