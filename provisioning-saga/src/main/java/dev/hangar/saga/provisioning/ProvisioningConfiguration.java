package dev.hangar.saga.provisioning;

import dev.hangar.kernel.common.SecretBox;
import dev.hangar.saga.compute.ComputeInstanceWorkload;
import dev.hangar.kernel.database.Engine;
import dev.hangar.saga.engine.EngineCatalog;
import dev.hangar.saga.engine.EngineDrivers;
import dev.hangar.saga.runtime.ContainerRuntime;
import dev.hangar.saga.runtime.DockerContainerRuntime;
import dev.hangar.saga.runtime.PullPolicy;
import dev.hangar.saga.workload.PoisonedWorkloads;
import dev.hangar.saga.workload.WorkloadEngine;
import dev.hangar.saga.workload.WorkloadType;
import dev.hangar.saga.workload.WorkloadTypes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The container runtime (DOCKER_HOST, default the local socket), the engine catalog with its
 * images overridable per engine ({@code hangar.engines.<engine>.image}), the workload types and
 * the provisioning engine that drives them.
 */
@Configuration
@EnableConfigurationProperties(ProvisioningProperties.class)
public class ProvisioningConfiguration {

    public static final String SAGA_PROCESSOR = "WorkloadSagaProcessor";

    @Bean(destroyMethod = "close")
    public DockerContainerRuntime containerRuntime(ProvisioningProperties properties, Environment env) {
        String host = properties.dockerHost() != null && !properties.dockerHost().isBlank() ? properties.dockerHost()
                : env.getProperty("DOCKER_HOST", DockerContainerRuntime.DEFAULT_DOCKER_HOST);
        return new DockerContainerRuntime(host).withPullPolicy(PullPolicy.parse(properties.pullPolicy()));
    }

    @Bean
    public EngineCatalog engineCatalog(Environment env) {
        Map<String, String> images = new HashMap<>();
        for (Engine kind : Engine.values()) {
            String image = env.getProperty("hangar.engines." + kind.key() + ".image");
            if (image != null && !image.isBlank()) {
                images.put(kind.key(), image);
            }
        }
        return new EngineCatalog(images);
    }

    @Bean
    public EngineDrivers engineDrivers() {
        return new EngineDrivers();
    }

    @Bean
    public ProvisioningSettings provisioningSettings(ProvisioningProperties properties) {
        return properties.settings();
    }

    @Bean
    public DatabaseWorkload databaseWorkload(EngineCatalog catalog, EngineDrivers drivers, SecretBox secrets,
                                             ProvisioningSettings settings) {
        return new DatabaseWorkload(catalog, drivers, secrets, settings);
    }

    @Bean
    public ComputeInstanceWorkload computeInstanceWorkload(ContainerRuntime runtime, SecretBox secrets,
                                                           ProvisioningSettings settings) {
        return new ComputeInstanceWorkload(runtime, secrets, settings);
    }

    @Bean
    public WorkloadTypes workloadTypes(List<WorkloadType<?>> types) {
        return new WorkloadTypes(types);
    }

    @Bean(destroyMethod = "close")
    public WorkloadEngine workloadEngine(ContainerRuntime runtime, WorkloadTypes types, CommandGateway commands,
                                         ProvisioningProperties properties) {
        return new WorkloadEngine(runtime, types, commands, properties.workloadSettings());
    }

    @Bean
    public PoisonedWorkloads poisonedWorkloads(WorkloadTypes types, ObjectProvider<CommandGateway> commands) {
        return new PoisonedWorkloads(types, commands::getObject);
    }

    /** A saga event that cannot be handled ends in a recorded failure of its workload, not in endless retries. */
    @Bean
    public ConfigurerModule workloadSagaErrorHandling(PoisonedWorkloads poisoned) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(SAGA_PROCESSOR, c -> poisoned));
    }
}
