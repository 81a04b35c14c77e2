package dev.hangar.api.config;

import dev.hangar.command.instance.EngineAvailability;
import dev.hangar.command.instance.EngineAvailability.Verdict;
import dev.hangar.saga.engine.EngineCatalog;
import dev.hangar.saga.runtime.ContainerRuntimeException;
import dev.hangar.saga.runtime.ContainerRuntime;
import dev.hangar.saga.runtime.PullPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Lets the command side ask the container host whether it can run an engine, without knowing Docker. */
@Configuration(proxyBeanMethods = false)
public class ProvisioningWiring {

    /** An engine runs where the engine answers and its image is present, or may be pulled. */
    @Bean
    public EngineAvailability engineAvailability(EngineCatalog catalog, ContainerRuntime runtime) {
        return engine -> {
            if (!runtime.ping()) {
                return Verdict.RUNTIME_UNREACHABLE;
            }
            try {
                boolean present = runtime.hasImage(catalog.get(engine).image());
                return present || runtime.pullPolicy() != PullPolicy.NEVER ? Verdict.AVAILABLE : Verdict.IMAGE_UNAVAILABLE;
            } catch (ContainerRuntimeException e) {
                return Verdict.RUNTIME_UNREACHABLE;
            }
        };
    }
}
