package dev.hangar.kernel.service;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record FailServiceRestart(@TargetAggregateIdentifier String serviceId, String deploymentId, String reason) {
}
