package dev.hangar.saga.payment;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.hangar.kernel.payment.PaymentNotificationReceived;
import dev.hangar.kernel.payment.RecordProviderPayment;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks one provider payment after a verified notification. The event handler only schedules a
 * deadline; the HTTP call runs in the deadline handler, on the deadline manager's thread, never on
 * the event processor's, and reports back with RecordProviderPayment. Notifications that arrive
 * while a check is under way are folded into it, with one more check if they came after the fetch
 * started (the payment may have moved since).
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class PaymentCheckSaga {

    public static final String CHECK = "provider-payment-check";
    private static final Logger log = LoggerFactory.getLogger(PaymentCheckSaga.class);

    private String providerPaymentId;
    private int failedAttempts;
    private boolean checkAgain;

    @StartSaga
    @SagaEventHandler(associationProperty = "providerPaymentId")
    void on(PaymentNotificationReceived event, DeadlineManager deadlines) {
        if (providerPaymentId == null) {
            providerPaymentId = event.providerPaymentId();
            deadlines.schedule(Duration.ZERO, CHECK, new CheckDue(providerPaymentId));
        } else {
            checkAgain = true;
        }
    }

    @DeadlineHandler(deadlineName = CHECK)
    void check(CheckDue due, PaymentGateway gateway, PaymentSettings settings, CommandGateway commands, DeadlineManager deadlines) {
        checkAgain = false;
        ProviderPayment payment;
        try {
            payment = gateway.fetchPayment(providerPaymentId);
        } catch (PaymentProviderException e) {
            if (e.notFound() || ++failedAttempts >= settings.checkAttempts()) {
                log.warn("Giving up checking provider payment {}: {}", providerPaymentId, e.getMessage());
                SagaLifecycle.end();
            } else {
                log.info("Checking provider payment {} failed ({}), retrying", providerPaymentId, e.getMessage());
                deadlines.schedule(settings.checkRetryDelay().multipliedBy(failedAttempts), CHECK,
                        new CheckDue(providerPaymentId));
            }
            return;
        }
        if (payment.externalReference() == null || payment.externalReference().isBlank()) {
            log.warn("Provider payment {} carries no external reference: not a Hangar checkout", providerPaymentId);
        } else {
            try {
                commands.sendAndWait(new RecordProviderPayment(payment.externalReference(), payment.id(),
                        payment.status(), payment.amount(), payment.currency()));
            } catch (AggregateNotFoundException e) {
                log.warn("Provider payment {} names an unknown checkout {}", providerPaymentId,
                        payment.externalReference());
            }
        }
        if (checkAgain) {
            deadlines.schedule(Duration.ZERO, CHECK, new CheckDue(providerPaymentId));
        } else {
            SagaLifecycle.end();
        }
    }
}
