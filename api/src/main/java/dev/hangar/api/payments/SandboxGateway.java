package dev.hangar.api.payments;

import dev.hangar.saga.payment.PaymentGateway;
import dev.hangar.saga.payment.PaymentProviderException;
import dev.hangar.saga.payment.PreferenceRequest;
import dev.hangar.saga.payment.ProviderPayment;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A provider inside Hangar for local runs: a preference's checkout is Hangar's own page
 * ({@link SandboxCheckoutController}), where the buyer approves or rejects. Preferences and
 * payments live in memory: a restart forgets them.
 */
public class SandboxGateway implements PaymentGateway {

    private final Supplier<String> publicUrl;
    private final Map<String, PreferenceRequest> preferences = new ConcurrentHashMap<>();
    private final Map<String, ProviderPayment> payments = new ConcurrentHashMap<>();
    private final AtomicLong nextPaymentId = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000_000L,
            9_000_000_000L));

    public SandboxGateway(Supplier<String> publicUrl) {
        this.publicUrl = publicUrl;
    }

    public String publicUrl() {
        return publicUrl.get();
    }

    @Override
    public Preference createPreference(PreferenceRequest request) {
        String id = "sandbox-" + UUID.randomUUID();
        preferences.put(id, request);
        String page = publicUrl() + "/sandbox/checkout/" + id;
        return new Preference(id, page, page);
    }

    public Optional<PreferenceRequest> preference(String preferenceId) {
        return Optional.ofNullable(preferences.get(preferenceId));
    }

    /** The buyer's decision on the checkout page becomes a payment, as the provider would record it. */
    public ProviderPayment pay(String preferenceId, boolean approve) {
        PreferenceRequest preference = preferences.get(preferenceId);
        if (preference == null) {
            throw new PaymentProviderException("no such preference", true);
        }
        ProviderPayment payment = new ProviderPayment(String.valueOf(nextPaymentId.incrementAndGet()),
                approve ? "approved" : "rejected", preference.amount(), preference.currency(), preference.paymentId());
        payments.put(payment.id(), payment);
        return payment;
    }

    @Override
    public ProviderPayment fetchPayment(String providerPaymentId) {
        ProviderPayment payment = payments.get(providerPaymentId);
        if (payment == null) {
            throw new PaymentProviderException("sandbox: no payment " + providerPaymentId, true);
        }
        return payment;
    }
}
