package dev.hangar.saga.payment;

import java.math.BigDecimal;
import java.time.Instant;

/** {@code paymentId} is Hangar's: the preference's external_reference and idempotency key. */
public record PreferenceRequest(String paymentId, String title, BigDecimal amount, String currency, Instant expiresAt) {
}
