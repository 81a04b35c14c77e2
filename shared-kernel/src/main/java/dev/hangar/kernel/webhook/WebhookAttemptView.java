package dev.hangar.kernel.webhook;

import java.time.Instant;

public record WebhookAttemptView(int attempt, Integer statusCode, String error, Instant attemptedAt) {
}
