package dev.hangar.kernel.instance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stops a running instance; {@code webhookUrl} replaces the instance's when given. */
public record StopInstance(@TargetAggregateIdentifier String instanceId, String webhookUrl) {
}
