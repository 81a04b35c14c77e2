package dev.hangar.kernel.webhook;

import java.time.Instant;

/**
 * The answer to {@link IssueWebhookSecret} and {@link RotateWebhookSecret}: the secret in plain
 * text, for the user who asks for it and for the sender that signs with it. Never stored so.
 */
public record WebhookSigningSecret(String ownerId, String secret, Instant since) {

    @Override
    public String toString() {
        return "WebhookSigningSecret[ownerId=" + ownerId + ", secret=***, since=" + since + "]";
    }
}
