package dev.hangar.kernel.payment;

import dev.hangar.kernel.subscription.Plan;

/** Opens a checkout at the payment provider for {@code plan}; answers a {@link Checkout}. */
public record OpenCheckout(String paymentId, String userId, Plan plan) {
}
