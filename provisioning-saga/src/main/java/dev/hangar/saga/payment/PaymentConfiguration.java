package dev.hangar.saga.payment;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The payment sagas' handlers are retried with back-off on an unexpected failure, never skipped. */
@Configuration
public class PaymentConfiguration {

    public static final String PAYMENT_SAGA_PROCESSOR = "PaymentSagaProcessor";
    public static final String CHECK_SAGA_PROCESSOR = "PaymentCheckSagaProcessor";

    @Bean
    public ConfigurerModule paymentErrorHandling() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(PAYMENT_SAGA_PROCESSOR, c -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(CHECK_SAGA_PROCESSOR, c -> PropagatingErrorHandler.instance()));
    }
}
