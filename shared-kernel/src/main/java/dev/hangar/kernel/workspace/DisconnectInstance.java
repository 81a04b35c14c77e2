package dev.hangar.kernel.workspace;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code delete}: the instance is removed (its name freed); otherwise it stays, disabled and disconnected. */
public record DisconnectInstance(@TargetAggregateIdentifier String instanceId, boolean delete) {
}
