package dev.hangar.api.config;

import dev.hangar.saga.runtime.ContainerRuntime;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** The container engine answers a ping. Reported, but not required for Hangar to be healthy. */
@Component("containerRuntimeHealthIndicator")
class ContainerRuntimeHealthIndicator extends AbstractHealthIndicator {

    private final ContainerRuntime runtime;

    ContainerRuntimeHealthIndicator(ContainerRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (runtime.ping()) {
            builder.up();
        } else {
            builder.down().withDetail("reason", "the container engine does not answer");
        }
    }
}
