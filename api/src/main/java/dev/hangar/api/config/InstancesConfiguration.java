package dev.hangar.api.config;

import dev.hangar.kernel.instance.AutoStopSettings;
import dev.hangar.kernel.instance.GpuAvailability;
import dev.hangar.kernel.instance.InstanceCatalog;
import dev.hangar.saga.runtime.ContainerRuntime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The compute instances' catalog ({@code hangar.instances.catalog}): the embedded default is
 * {@code instance-catalog.yml}; an operator's file ({@code HANGAR_INSTANCE_CATALOG}) is read after it and
 * adds entries or replaces them by key. And whether a region's host has NVIDIA GPUs, asked of the
 * container runtime (every region's host is the one engine Hangar talks to today).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InstancesConfiguration.InstancesProperties.class)
public class InstancesConfiguration {

    /** {@code autoStop}: {@code hangar.instances.auto-stop.*} (issue 13), defaults when absent. */
    @ConfigurationProperties("hangar.instances")
    public record InstancesProperties(InstanceCatalog catalog, AutoStopSettings autoStop) {
    }

    @Bean
    public AutoStopSettings autoStopSettings(InstancesProperties properties) {
        return properties.autoStop() == null ? AutoStopSettings.defaults() : properties.autoStop();
    }

    @Bean
    public InstanceCatalog instanceCatalog(InstancesProperties properties) {
        if (properties.catalog() == null || properties.catalog().regions().isEmpty()) {
            throw new IllegalStateException("hangar.instances.catalog has no regions: is instance-catalog.yml imported?");
        }
        return properties.catalog();
    }

    @Bean
    public GpuAvailability gpuAvailability(ContainerRuntime runtime) {
        return host -> runtime.hasNvidiaGpus();
    }
}
