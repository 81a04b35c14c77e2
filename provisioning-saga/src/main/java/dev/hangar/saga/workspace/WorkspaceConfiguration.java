package dev.hangar.saga.workspace;

import dev.hangar.kernel.common.SecretBox;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The prober of connected instances and its address guard, from {@code hangar.workspaces.*}. */
@Configuration
public class WorkspaceConfiguration {

    @Bean
    public AddressGuard addressGuard(WorkspaceProperties properties) {
        return new AddressGuard(properties.deny(), properties.allow());
    }

    @Bean(destroyMethod = "close")
    public ExecutorInstanceProber instanceProber(WorkspaceProperties properties, AddressGuard guard, SecretBox secrets,
                                                 CommandGateway commands) {
        return new ExecutorInstanceProber(properties, guard, secrets, commands);
    }
}
