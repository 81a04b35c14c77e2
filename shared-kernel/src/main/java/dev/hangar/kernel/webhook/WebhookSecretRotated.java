package dev.hangar.kernel.webhook;

import java.time.Instant;

/** A new signing secret replaces the user's previous one, encrypted with the SecretBox. */
public record WebhookSecretRotated(String ownerId, String secretCiphertext, Instant rotatedAt) {
}
