package dev.hangar.kernel.payment;

import java.time.Instant;

public record PaymentPending(String paymentId, String providerPaymentId, String status, Instant recordedAt) {
}
