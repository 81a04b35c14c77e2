package dev.hangar.kernel.payment;

import dev.hangar.kernel.subscription.Plan;
import java.math.BigDecimal;
import java.time.Instant;

public record PaymentConfirmed(String paymentId, String userId, String subscriptionId, Plan plan,
                               String providerPaymentId, BigDecimal amount, String currency, Instant confirmedAt) {
}
