package dev.hangar.saga.onboarding;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's default listener error handler logs a failing event handler and moves the token on, which
 * would skip a user whose CreateSubscription failed. The policy's handler errors propagate instead:
 * the processor backs off and retries the event, and its token stays before it until it succeeds.
 */
@Configuration
public class OnboardingConfiguration {

    @Bean
    public ConfigurerModule onboardingErrorHandling() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(OnboardingPolicy.GROUP, c -> PropagatingErrorHandler.instance()));
    }
}
