package dev.hangar.kernel.webhook;

import java.time.Instant;

/** The receiver answered 2xx; the stream's next delivery may go. */
public record StatusWebhookDelivered(String deliveryId, String ownerId, String streamId, int attempts,
                                     Instant deliveredAt) {
}
