package dev.hangar.kernel.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ExpirePayment(@TargetAggregateIdentifier String paymentId) {
}
