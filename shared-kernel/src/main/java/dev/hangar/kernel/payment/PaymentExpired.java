package dev.hangar.kernel.payment;

import java.time.Instant;

public record PaymentExpired(String paymentId, Instant expiredAt) {
}
