package dev.hangar.kernel.webhook;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Issues the user's webhook signing secret unless there is one; answers the current one either way
 * ({@link WebhookSigningSecret}).
 */
public record IssueWebhookSecret(String ownerId) {

    @TargetAggregateIdentifier
    public String secretId() {
        return WebhookStreams.secretIdOf(ownerId);
    }
}
