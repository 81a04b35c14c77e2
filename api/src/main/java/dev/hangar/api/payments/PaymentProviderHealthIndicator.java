package dev.hangar.api.payments;

import dev.hangar.saga.payment.PaymentGateway;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code paymentProvider} in {@code /health}: which provider takes payments, or that none is
 * configured. It does not call the provider: a health probe must not spend the provider's quota;
 * a provider that fails shows in the checkouts' own answers (402 {@code PAYMENT_FAILED}).
 */
@Component("paymentProviderHealthIndicator")
class PaymentProviderHealthIndicator implements HealthIndicator {

    private final PaymentGateway gateway;

    PaymentProviderHealthIndicator(PaymentGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public Health health() {
        if (gateway instanceof PaymentsConfiguration.Unconfigured) {
            return Health.unknown().withDetail("provider", "none").build();
        }
        return Health.up().withDetail("provider", gateway instanceof SandboxGateway ? "sandbox" : "mercadopago").build();
    }
}
