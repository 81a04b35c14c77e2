package dev.hangar.kernel.webhook;

import java.time.Instant;

/**
 * One POST of a delivery, whatever came of it: the receiver's {@code statusCode}, or null and the
 * {@code error} (time-out, refused address, connection refused, ...). {@code nextAttemptAt} is when
 * the delivery is tried again, null when this attempt settled it (delivered or abandoned).
 */
public record StatusWebhookAttempted(String deliveryId, String ownerId, String streamId, int attempt,
                                     Integer statusCode, String error, Instant attemptedAt, Instant nextAttemptAt) {
}
