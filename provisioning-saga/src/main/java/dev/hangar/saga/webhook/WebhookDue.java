package dev.hangar.saga.webhook;

/**
 * The payload of a stream's attempt deadline. The saga never cancels one; it moves its generation
 * on whenever the stream's head delivery moves on (attempt recorded, delivered, abandoned), and an
 * older deadline does nothing when it comes due.
 */
public record WebhookDue(String streamId, long generation) {
}
