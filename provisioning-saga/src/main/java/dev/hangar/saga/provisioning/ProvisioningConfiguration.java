package dev.hangar.saga.provisioning;

import dev.hangar.saga.engine.EngineCatalog;
import dev.hangar.saga.engine.EngineDrivers;
import dev.hangar.saga.engine.EngineKind;
import dev.hangar.saga.runtime.DockerContainerRuntime;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The container runtime (DOCKER_HOST, default the local socket), the engine catalog with its
 * images overridable per engine ({@code hangar.engines.<engine>.image}), and the saga's settings.
 */
@Configuration
public class ProvisioningConfiguration {

    public static final String SAGA_PROCESSOR = "DatabaseProvisioningSagaProcessor";

    @Bean(destroyMethod = "close")
    public DockerContainerRuntime containerRuntime(Environment env) {
        String host = env.getProperty("hangar.provisioning.docker-host",
                env.getProperty("DOCKER_HOST", DockerContainerRuntime.DEFAULT_DOCKER_HOST));
        return new DockerContainerRuntime(host);
    }

    @Bean
    public EngineCatalog engineCatalog(Environment env) {
        Map<String, String> images = new HashMap<>();
        for (EngineKind kind : EngineKind.values()) {
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
    public ProvisioningSettings provisioningSettings(Environment env) {
        return new ProvisioningSettings(env.getProperty("hangar.provisioning.publish-ip", "0.0.0.0"),
                env.getProperty("hangar.provisioning.engine-host", "127.0.0.1"),
                env.getProperty("hangar.provisioning.readiness-timeout", Duration.class, Duration.ofSeconds(120)));
    }

    /** A step that fails unexpectedly is retried with back-off, never skipped. */
    @Bean
    public ConfigurerModule provisioningErrorHandling() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(SAGA_PROCESSOR,
                        c -> PropagatingErrorHandler.instance()));
    }

}
