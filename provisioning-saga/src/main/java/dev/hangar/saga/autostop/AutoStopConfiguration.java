package dev.hangar.saga.autostop;

import dev.hangar.saga.compute.InstanceStatusWebhooks;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The instance operations' handlers are retried by their processors, never skipped (issue 13). */
@Configuration
public class AutoStopConfiguration {

    public static final String SAGA_PROCESSOR = "AutoStopSagaProcessor";

    @Bean
    public ConfigurerModule instanceOperationsErrorHandling() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(SAGA_PROCESSOR, c -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(AutoStopChecks.GROUP, c -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(InstanceStatusWebhooks.GROUP,
                        c -> PropagatingErrorHandler.instance()));
    }
}
