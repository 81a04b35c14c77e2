package dev.hangar.kernel.payment;

import dev.hangar.kernel.subscription.Plan;
import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RequestPayment(@TargetAggregateIdentifier String paymentId, String userId, String subscriptionId, Plan plan,
                             BigDecimal amount, String currency, String preferenceId, Instant expiresAt) {
}
