package dev.hangar.saga.webhook;

import dev.hangar.kernel.webhook.IssueWebhookSecret;
import dev.hangar.kernel.webhook.WebhookSigningSecret;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The status webhook sender from {@code hangar.webhooks.*}; the saga's handlers are retried, never skipped. */
@Configuration
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhookConfiguration {

    public static final String SAGA_PROCESSOR = "StatusWebhookSagaProcessor";

    /** Signs with the owner's secret as the command side holds it now (issued at its first use). */
    @Bean(destroyMethod = "close")
    public HttpWebhookSender webhookSender(WebhookProperties properties, CommandGateway commands) {
        return new HttpWebhookSender(properties, HttpWebhookSender.guardFor(properties),
                ownerId -> commands.<WebhookSigningSecret>sendAndWait(new IssueWebhookSecret(ownerId)).secret(),
                commands::sendAndWait, Clock.systemUTC());
    }

    @Bean
    public ConfigurerModule webhookErrorHandling() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(SAGA_PROCESSOR, c -> PropagatingErrorHandler.instance()));
    }
}
