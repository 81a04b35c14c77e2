package dev.hangar.command.service;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Internal to the command side: delete; answers whether the service is gone now (to release its type and ports). */
record RemoveService(@TargetAggregateIdentifier String serviceId) {
}
