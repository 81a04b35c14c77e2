package dev.hangar.saga.payment;

import dev.hangar.kernel.common.HangarException;
import dev.hangar.kernel.payment.Checkout;
import dev.hangar.kernel.payment.OpenCheckout;
import dev.hangar.kernel.payment.RequestPayment;
import dev.hangar.kernel.subscription.Plan;
import dev.hangar.kernel.subscription.SubscriptionIds;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Opens the provider's preference first (on the caller's thread, bounded by the gateway's
 * time-outs), then records the payment with it: a provider that refuses leaves nothing behind.
 */
@Component
public class CheckoutHandler {

    private static final Logger log = LoggerFactory.getLogger(CheckoutHandler.class);

    private final PaymentGateway gateway;
    private final PaymentSettings settings;
    private final CommandGateway commands;

    public CheckoutHandler(PaymentGateway gateway, PaymentSettings settings, CommandGateway commands) {
        this.gateway = gateway;
        this.settings = settings;
        this.commands = commands;
    }

    @CommandHandler
    public Checkout handle(OpenCheckout cmd) {
        Plan plan = cmd.plan();
        Instant expiresAt = GenericEventMessage.clock.instant().plus(settings.expiry());
        PaymentGateway.Preference preference;
        try {
            preference = gateway.createPreference(new PreferenceRequest(cmd.paymentId(), "Hangar " + plan.name()
                    + " plan", plan.price(), Plan.CURRENCY, expiresAt));
        } catch (PaymentProviderException e) {
            log.warn("Opening a checkout for {} failed: {}", cmd.paymentId(), e.getMessage());
            // seed 003's code for a payment processing error
            throw new HangarException(HangarException.Kind.PAYMENT_FAILED, "PAYMENT_FAILED",
                    "The payment provider could not open a checkout: " + e.getMessage());
        }
        commands.sendAndWait(new RequestPayment(cmd.paymentId(), cmd.userId(), SubscriptionIds.forUser(cmd.userId()),
                plan, plan.price(), Plan.CURRENCY, preference.preferenceId(), expiresAt));
        return new Checkout(cmd.paymentId(), preference.preferenceId(), preference.initPoint(),
                preference.sandboxInitPoint());
    }
}
