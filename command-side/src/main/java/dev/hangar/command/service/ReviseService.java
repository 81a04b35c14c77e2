package dev.hangar.command.service;

import dev.hangar.kernel.service.ServiceConfig;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Internal to the command side: the update, its config rendered and sealed. */
record ReviseService(@TargetAggregateIdentifier String serviceId, String name, String type, String description,
                     ServiceConfig sealedConfig, String updatedBy) {
}
