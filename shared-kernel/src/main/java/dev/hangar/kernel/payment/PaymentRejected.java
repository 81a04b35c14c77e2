package dev.hangar.kernel.payment;

import java.time.Instant;

/**
 * One provider payment for this checkout did not pay for it (rejected, cancelled, refunded, or
 * approved for another amount or currency). The checkout stays open: the buyer may try again.
 */
public record PaymentRejected(String paymentId, String providerPaymentId, String status, String reason,
                              Instant rejectedAt) {
}
