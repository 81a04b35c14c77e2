package dev.hangar.saga.payment;

import java.time.Duration;

/**
 * {@code expiry}: how long a checkout may stay unpaid. {@code checkRetryDelay} and
 * {@code checkAttempts}: how a provider that cannot be read is retried before a notification is
 * given up (the provider notifies again on the payment's next change).
 */
public record PaymentSettings(Duration expiry, Duration checkRetryDelay, int checkAttempts) {
}
