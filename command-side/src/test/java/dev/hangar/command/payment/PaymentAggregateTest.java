package dev.hangar.command.payment;

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
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaymentAggregateTest {

    private static final String PAYMENT = "pay-1";
    private static final String USER = "user-1";
    private static final String SUB = "subscription-user-1";
    private static final BigDecimal PRICE = new BigDecimal("19.99");
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant EXPIRES = T0.plusSeconds(3600);

    private AggregateTestFixture<PaymentAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PaymentAggregate.class);
    }

    private static PaymentRequested requested() {
        return new PaymentRequested(PAYMENT, USER, SUB, Plan.STANDARD, PRICE, "USD", "pref-1", EXPIRES, T0);
    }

    private static RecordProviderPayment provider(String id, String status, String amount, String currency) {
        return new RecordProviderPayment(PAYMENT, id, status, new BigDecimal(amount), currency);
    }

    @Test
    void requestingRecordsWhoWhichPlanAndHowMuch() {
        fixture.givenNoPriorActivity()
                .when(new RequestPayment(PAYMENT, USER, SUB, Plan.STANDARD, PRICE, "USD", "pref-1", EXPIRES))
                .expectEvents(new PaymentRequested(PAYMENT, USER, SUB, Plan.STANDARD, PRICE, "USD", "pref-1", EXPIRES,
                        fixture.currentTime()));
    }

    @Test
    void anApprovedPaymentOfTheFullAmountConfirms() {
        fixture.given(requested())
                .when(provider("1001", "approved", "19.990", "USD"))
                .expectEvents(new PaymentConfirmed(PAYMENT, USER, SUB, Plan.STANDARD, "1001", PRICE, "USD",
                        fixture.currentTime()));
    }

    @Test
    void aConfirmedPaymentIgnoresRepeatsAndLaterNews() {
        fixture.given(requested(), new PaymentConfirmed(PAYMENT, USER, SUB, Plan.STANDARD, "1001", PRICE, "USD", T0))
                .when(provider("1001", "approved", "19.99", "USD"))
                .expectNoEvents();
        fixture.given(requested(), new PaymentConfirmed(PAYMENT, USER, SUB, Plan.STANDARD, "1001", PRICE, "USD", T0))
                .when(provider("1002", "approved", "19.99", "USD"))
                .expectNoEvents();
    }

    @Test
    void anApprovedPaymentForAnotherAmountOrCurrencyIsRejectedAndConfirmsNothing() {
        fixture.given(requested())
                .when(provider("1001", "approved", "1.00", "USD"))
                .expectEvents(new PaymentRejected(PAYMENT, "1001", "approved",
                        "approved 1.00 USD but the checkout is for 19.99 USD", fixture.currentTime()));
        fixture.given(requested())
                .when(provider("1001", "approved", "19.99", "ARS"))
                .expectEvents(new PaymentRejected(PAYMENT, "1001", "approved",
                        "approved 19.99 ARS but the checkout is for 19.99 USD", fixture.currentTime()));
    }

    @Test
    void pendingIsRecordedOnceAndAnApprovalLaterStillConfirms() {
        fixture.given(requested())
                .when(provider("1001", "pending", "19.99", "USD"))
                .expectEvents(new PaymentPending(PAYMENT, "1001", "pending", fixture.currentTime()));
        fixture.given(requested(), new PaymentPending(PAYMENT, "1001", "pending", T0))
                .when(provider("1001", "pending", "19.99", "USD"))
                .expectNoEvents();
        fixture.given(requested(), new PaymentPending(PAYMENT, "1001", "pending", T0))
                .when(provider("1001", "approved", "19.99", "USD"))
                .expectEvents(new PaymentConfirmed(PAYMENT, USER, SUB, Plan.STANDARD, "1001", PRICE, "USD",
                        fixture.currentTime()));
    }

    @Test
    void aRejectedAttemptLeavesTheCheckoutOpenForAnotherTry() {
        fixture.given(requested())
                .when(provider("1001", "rejected", "19.99", "USD"))
                .expectEvents(new PaymentRejected(PAYMENT, "1001", "rejected", "payment rejected", fixture.currentTime()));
        fixture.given(requested(), new PaymentRejected(PAYMENT, "1001", "rejected", "payment rejected", T0))
                .when(provider("1002", "approved", "19.99", "USD"))
                .expectEvents(new PaymentConfirmed(PAYMENT, USER, SUB, Plan.STANDARD, "1002", PRICE, "USD",
                        fixture.currentTime()));
    }

    @Test
    void anOpenCheckoutExpiresOnceAndThenIgnoresPayments() {
        fixture.given(requested())
                .when(new ExpirePayment(PAYMENT))
                .expectEvents(new PaymentExpired(PAYMENT, fixture.currentTime()));
        fixture.given(requested(), new PaymentExpired(PAYMENT, T0))
                .when(new ExpirePayment(PAYMENT))
                .expectNoEvents();
        fixture.given(requested(), new PaymentExpired(PAYMENT, T0))
                .when(provider("1001", "approved", "19.99", "USD"))
                .expectNoEvents();
    }

    @Test
    void aConfirmedCheckoutDoesNotExpire() {
        fixture.given(requested(), new PaymentConfirmed(PAYMENT, USER, SUB, Plan.STANDARD, "1001", PRICE, "USD", T0))
                .when(new ExpirePayment(PAYMENT))
                .expectNoEvents();
    }
}
