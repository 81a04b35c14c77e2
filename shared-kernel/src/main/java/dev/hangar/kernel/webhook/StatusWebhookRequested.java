package dev.hangar.kernel.webhook;

import java.time.Instant;

/**
 * A status webhook to deliver: {@code position} is its place in its stream (1, 2, ...), the order
 * in which the stream's deliveries are made.
 */
public record StatusWebhookRequested(String deliveryId, String ownerId, String streamId, long position, String url,
                                     String event, String subjectId, String subjectName, String oldStatus,
                                     String newStatus, String reason, Instant occurredAt, Instant requestedAt) {
}
