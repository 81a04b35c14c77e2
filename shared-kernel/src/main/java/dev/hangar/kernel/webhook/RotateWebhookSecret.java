package dev.hangar.kernel.webhook;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces the user's webhook signing secret; answers the new one ({@link WebhookSigningSecret}). */
public record RotateWebhookSecret(String ownerId) {

    @TargetAggregateIdentifier
    public String secretId() {
        return WebhookStreams.secretIdOf(ownerId);
    }
}
