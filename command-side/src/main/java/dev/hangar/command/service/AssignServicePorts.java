package dev.hangar.command.service;

import dev.hangar.kernel.service.PublishedPort;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Internal to the command side: host ports just claimed for the service. */
record AssignServicePorts(@TargetAggregateIdentifier String serviceId, List<PublishedPort> ports) {
}
