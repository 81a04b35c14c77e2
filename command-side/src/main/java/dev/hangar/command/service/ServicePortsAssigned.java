package dev.hangar.command.service;

import dev.hangar.kernel.service.PublishedPort;
import java.util.List;

/** Internal to the command side: host ports claimed for the service (held until it is deleted). */
public record ServicePortsAssigned(String serviceId, List<PublishedPort> ports) {
}
