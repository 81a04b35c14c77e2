package dev.hangar.kernel.payment;

/** Where the buyer goes to pay: the provider's preference and its checkout pages. */
public record Checkout(String paymentId, String preferenceId, String initPoint, String sandboxInitPoint) {
}
