package dev.hangar.kernel.webhook;

import java.time.Instant;

/**
 * No more attempts: the last one failed, or the address may not be called at all. The stream's
 * next delivery may go.
 */
public record StatusWebhookAbandoned(String deliveryId, String ownerId, String streamId, int attempts, String reason,
                                     Instant abandonedAt) {
}
