package dev.hangar.kernel.webhook;

/** What an attempt means for its delivery, decided by the sender (it knows the bound on attempts). */
public enum WebhookAttemptOutcome {
    /** The receiver answered 2xx. */
    DELIVERED,
    /** It failed; try again at {@code nextAttemptAt}. */
    RETRY,
    /** It failed and there will be no other attempt. */
    ABANDONED
}
