package dev.hangar.command.service;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Internal to the command side (sent to the aggregate by {@link ServiceCommandHandler}): a new
 * deployment, by a start ({@code redeploy} false: refused while running or in progress) or by an
 * update of a running service. Answers its {@code DeploymentView}.
 */
record DeployService(@TargetAggregateIdentifier String serviceId, String deploymentId, String deployedBy,
                     boolean redeploy) {
}
