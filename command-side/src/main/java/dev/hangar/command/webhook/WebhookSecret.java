package dev.hangar.command.webhook;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.hangar.kernel.common.SecretBox;
import dev.hangar.kernel.webhook.IssueWebhookSecret;
import dev.hangar.kernel.webhook.RotateWebhookSecret;
import dev.hangar.kernel.webhook.WebhookSecretIssued;
import dev.hangar.kernel.webhook.WebhookSecretRotated;
import dev.hangar.kernel.webhook.WebhookSigningSecret;
import dev.hangar.kernel.webhook.WebhookStreams;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A user's webhook signing secret: issued the first time it is needed (the user reads it, or a
 * delivery signs with it), replaced on rotation. Only its SecretBox ciphertext enters an event; the
 * plain secret leaves as the command's answer.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class WebhookSecret {

    static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    @AggregateIdentifier
    private String id;
    private String ownerId;
    private String secretCiphertext;
    private Instant since;

    protected WebhookSecret() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    WebhookSigningSecret handle(IssueWebhookSecret cmd, SecretBox secrets) {
        if (secretCiphertext == null) {
            String secret = generate();
            apply(new WebhookSecretIssued(cmd.ownerId(), secrets.encrypt(secret), GenericEventMessage.clock.instant()));
            return new WebhookSigningSecret(ownerId, secret, since);
        }
        return new WebhookSigningSecret(ownerId, secrets.decrypt(secretCiphertext), since);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    WebhookSigningSecret handle(RotateWebhookSecret cmd, SecretBox secrets) {
        String secret = generate();
        apply(new WebhookSecretRotated(cmd.ownerId(), secrets.encrypt(secret), GenericEventMessage.clock.instant()));
        return new WebhookSigningSecret(ownerId, secret, since);
    }

    /** 32 random bytes, URL-safe: {@code whsec_} and 43 characters. */
    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @EventSourcingHandler
    void on(WebhookSecretIssued e) {
        id = WebhookStreams.secretIdOf(e.ownerId());
        ownerId = e.ownerId();
        secretCiphertext = e.secretCiphertext();
        since = e.issuedAt();
    }

    @EventSourcingHandler
    void on(WebhookSecretRotated e) {
        id = WebhookStreams.secretIdOf(e.ownerId());
        ownerId = e.ownerId();
        secretCiphertext = e.secretCiphertext();
        since = e.rotatedAt();
    }
}
