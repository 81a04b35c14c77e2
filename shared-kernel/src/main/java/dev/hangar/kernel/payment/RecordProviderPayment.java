package dev.hangar.kernel.payment;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What the provider says about one of its payments, fetched from the provider (never taken from a notification). */
public record RecordProviderPayment(@TargetAggregateIdentifier String paymentId, String providerPaymentId, String status,
                                    BigDecimal amount, String currency) {
}
