package dev.hangar.kernel.payment;

import java.time.Instant;

public record PaymentNotificationReceived(String providerPaymentId, String requestId, Instant receivedAt) {
}
