package dev.hangar.kernel.webhook;

import java.time.Instant;

/** The user's first signing secret, encrypted with the SecretBox. */
public record WebhookSecretIssued(String ownerId, String secretCiphertext, Instant issuedAt) {
}
