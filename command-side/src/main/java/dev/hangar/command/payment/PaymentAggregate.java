package dev.hangar.command.payment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.hangar.kernel.payment.ExpirePayment;
import dev.hangar.kernel.payment.PaymentConfirmed;
import dev.hangar.kernel.payment.PaymentExpired;
import dev.hangar.kernel.payment.PaymentPending;
import dev.hangar.kernel.payment.PaymentRejected;
import dev.hangar.kernel.payment.PaymentRequested;
import dev.hangar.kernel.payment.RecordProviderPayment;
import dev.hangar.kernel.payment.RequestPayment;
import dev.hangar.kernel.subscription.Plan;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One checkout for a plan: open until a provider payment approved for exactly its amount and
 * currency confirms it, or until it expires. Provider payments are recorded once per status, so
 * repeated and racing notifications confirm it once.
 */
@Aggregate
public class PaymentAggregate {

    enum State { OPEN, CONFIRMED, EXPIRED }

    private static final Set<String> REFUSED = Set.of("rejected", "cancelled", "refunded", "charged_back");

    @AggregateIdentifier
    private String paymentId;
    private String userId;
    private String subscriptionId;
    private Plan plan;
    private BigDecimal amount;
    private String currency;
    private State state;
    private final Set<String> recorded = new HashSet<>();

    protected PaymentAggregate() {
    }

    @CommandHandler
    public PaymentAggregate(RequestPayment cmd) {
        apply(new PaymentRequested(cmd.paymentId(), cmd.userId(), cmd.subscriptionId(), cmd.plan(), cmd.amount(),
                cmd.currency(), cmd.preferenceId(), cmd.expiresAt(), now()));
    }

    @CommandHandler
    public void handle(RecordProviderPayment cmd) {
        String status = cmd.status() == null ? "unknown" : cmd.status();
        if (state != State.OPEN || recorded.contains(key(cmd.providerPaymentId(), status))) {
            return;
        }
        if (status.equals("approved")) {
            if (paysInFull(cmd)) {
                apply(new PaymentConfirmed(paymentId, userId, subscriptionId, plan, cmd.providerPaymentId(), amount,
                        currency, now()));
            } else {
                apply(new PaymentRejected(paymentId, cmd.providerPaymentId(), status, "approved " + cmd.amount() + " "
                        + cmd.currency() + " but the checkout is for " + amount + " " + currency, now()));
            }
        } else if (REFUSED.contains(status)) {
            apply(new PaymentRejected(paymentId, cmd.providerPaymentId(), status, "payment " + status, now()));
        } else {
            // pending and statuses the provider may add later: recorded, nothing changes
            apply(new PaymentPending(paymentId, cmd.providerPaymentId(), status,
                    now()));
        }
    }

    @CommandHandler
    public void handle(ExpirePayment cmd) {
        if (state == State.OPEN) {
            apply(new PaymentExpired(paymentId, now()));
        }
    }

    private boolean paysInFull(RecordProviderPayment cmd) {
        return cmd.amount() != null && cmd.amount().compareTo(amount) == 0 && currency.equalsIgnoreCase(cmd.currency());
    }

    private static String key(String providerPaymentId, String status) {
        return providerPaymentId + "/" + status;
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    @EventSourcingHandler
    void on(PaymentRequested e) {
        paymentId = e.paymentId();
        userId = e.userId();
        subscriptionId = e.subscriptionId();
        plan = e.plan();
        amount = e.amount();
        currency = e.currency();
        state = State.OPEN;
    }

    @EventSourcingHandler
    void on(PaymentPending e) {
        recorded.add(key(e.providerPaymentId(), e.status()));
    }

    @EventSourcingHandler
    void on(PaymentRejected e) {
        recorded.add(key(e.providerPaymentId(), e.status()));
    }

    @EventSourcingHandler
    void on(PaymentConfirmed e) {
        state = State.CONFIRMED;
    }

    @EventSourcingHandler
    void on(PaymentExpired e) {
        state = State.EXPIRED;
    }
}
