package dev.hangar.saga.payment;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.hangar.kernel.payment.ExpirePayment;
import dev.hangar.kernel.payment.PaymentConfirmed;
import dev.hangar.kernel.payment.PaymentExpired;
import dev.hangar.kernel.payment.PaymentRequested;
import dev.hangar.kernel.subscription.ChangePlan;
import dev.hangar.kernel.subscription.Plan;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * One checkout from request to upgrade: PaymentRequested schedules its expiry (a deadline, kept
 * by the configured deadline manager); PaymentConfirmed changes the subscription's plan and ends
 * it; the deadline expires a checkout nobody paid. Rejected attempts leave it waiting: the buyer
 * may pay again on the same checkout.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class PaymentSaga {

    public static final String EXPIRY = "payment-expiry";
    private static final String ID = "paymentId";

    private String paymentId;
    private String subscriptionId;
    private Plan plan;
    /** The expiry's schedule id: confirming cancels just that one (by id, not a scan of every deadline). */
    private String expiryId;

    @StartSaga
    @SagaEventHandler(associationProperty = ID)
    void on(PaymentRequested event, DeadlineManager deadlines) {
        paymentId = event.paymentId();
        subscriptionId = event.subscriptionId();
        plan = event.plan();
        expiryId = deadlines.schedule(event.expiresAt(), EXPIRY, new CheckDue(paymentId));
    }

    @SagaEventHandler(associationProperty = ID)
    void on(PaymentConfirmed event, CommandGateway commands, DeadlineManager deadlines) {
        // ChangePlan to the plan it already has is a no-op: a redelivered event upgrades once
        commands.sendAndWait(new ChangePlan(subscriptionId, plan));
        // a saga stored before expiryId was kept has none: its expiry then finds the saga ended and does nothing
        if (expiryId != null) {
            deadlines.cancelSchedule(EXPIRY, expiryId);
        }
        SagaLifecycle.end();
    }

    @DeadlineHandler(deadlineName = EXPIRY)
    void expire(CheckDue due, CommandGateway commands) {
        commands.sendAndWait(new ExpirePayment(paymentId));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ID)
    void on(PaymentExpired event) {
        // nothing was paid in time
    }
}
