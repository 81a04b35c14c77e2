package dev.hangar.kernel.payment;

import dev.hangar.kernel.subscription.Plan;
import java.math.BigDecimal;
import java.time.Instant;

/** Who asked to pay for which plan, how much, at which provider preference, and until when. */
public record PaymentRequested(String paymentId, String userId, String subscriptionId, Plan plan, BigDecimal amount,
                               String currency, String preferenceId, Instant expiresAt, Instant requestedAt) {
}
