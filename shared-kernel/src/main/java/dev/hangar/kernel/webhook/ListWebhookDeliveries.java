package dev.hangar.kernel.webhook;

/** The deliveries of one stream of one owner, in the stream's order; another owner's stream lists nothing. */
public record ListWebhookDeliveries(String ownerId, String streamId) {
}
