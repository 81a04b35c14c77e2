package dev.hangar.saga.payment;

/** The payment provider, as Hangar needs it: open a checkout, read back one of its payments. */
public interface PaymentGateway {

    Preference createPreference(PreferenceRequest request);

    /** @throws PaymentProviderException with {@code notFound()} when the provider has no such payment */
    ProviderPayment fetchPayment(String providerPaymentId);

    record Preference(String preferenceId, String initPoint, String sandboxInitPoint) {
    }
}
