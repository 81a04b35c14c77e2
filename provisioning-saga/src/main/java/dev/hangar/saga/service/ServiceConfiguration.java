package dev.hangar.saga.service;

import dev.hangar.kernel.common.SecretBox;
import dev.hangar.saga.provisioning.ProvisioningSettings;
import dev.hangar.saga.runtime.ContainerRuntime;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Platform v1's services: the template catalog, the service workload, and the engine's logs and figures. */
@Configuration
@EnableConfigurationProperties(ServiceProperties.class)
public class ServiceConfiguration {

    @Bean
    public ServiceTemplateCatalog serviceTemplateCatalog(ServiceProperties properties) {
        return ServiceTemplateCatalog.load(properties.templatesFile());
    }

    @Bean
    public ServiceWorkload serviceWorkload(ContainerRuntime runtime, SecretBox secrets, ProvisioningSettings settings) {
        return new ServiceWorkload(runtime, secrets, settings);
    }

    @Bean
    public ServiceEngineQueries serviceEngineQueries(ContainerRuntime runtime, ServiceProperties properties) {
        return new ServiceEngineQueries(runtime, properties);
    }
}
