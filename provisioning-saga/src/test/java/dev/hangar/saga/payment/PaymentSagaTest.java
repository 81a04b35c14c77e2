package dev.hangar.saga.payment;

import dev.hangar.kernel.payment.ExpirePayment;
import dev.hangar.kernel.payment.PaymentConfirmed;
import dev.hangar.kernel.payment.PaymentExpired;
import dev.hangar.kernel.payment.PaymentRejected;
import dev.hangar.kernel.payment.PaymentRequested;
import dev.hangar.kernel.subscription.ChangePlan;
import dev.hangar.kernel.subscription.Plan;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaymentSagaTest {

    private static final String PAYMENT = "pay-1";
    private static final String SUB = "subscription-user-1";
    private static final BigDecimal PRICE = new BigDecimal("19.99");

    private SagaTestFixture<PaymentSaga> fixture;
    private Instant now;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(PaymentSaga.class);
        now = fixture.currentTime();
    }

    private PaymentRequested requested() {
        return new PaymentRequested(PAYMENT, "user-1", SUB, Plan.STANDARD, PRICE, "USD", "pref-1",
                now.plus(Duration.ofHours(1)), now);
    }

    private PaymentConfirmed confirmed() {
        return new PaymentConfirmed(PAYMENT, "user-1", SUB, Plan.STANDARD, "1001", PRICE, "USD", now);
    }

    @Test
    void aRequestedPaymentSchedulesItsExpiry() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested())
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(requested().expiresAt(), PaymentSaga.EXPIRY)
                .expectNoDispatchedCommands();
    }

    @Test
    void aConfirmedPaymentChangesThePlanCancelsTheExpiryAndEnds() {
        fixture.givenAPublished(requested())
                .whenPublishingA(confirmed())
                .expectDispatchedCommands(new ChangePlan(SUB, Plan.STANDARD))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void aRejectedAttemptKeepsWaitingForAnotherTry() {
        fixture.givenAPublished(requested())
                .whenPublishingA(new PaymentRejected(PAYMENT, "1001", "rejected", "payment rejected", now))
                .expectActiveSagas(1)
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(requested().expiresAt(), PaymentSaga.EXPIRY);
    }

    @Test
    void anUnpaidCheckoutExpiresWhenItsDeadlinePasses() {
        fixture.givenAPublished(requested())
                .whenTimeElapses(Duration.ofHours(1).plusSeconds(1))
                .expectTriggeredDeadlinesWithName(PaymentSaga.EXPIRY)
                .expectDispatchedCommands(new ExpirePayment(PAYMENT));
    }

    @Test
    void theExpiredEventEndsTheSaga() {
        fixture.givenAPublished(requested())
                .whenPublishingA(new PaymentExpired(PAYMENT, now))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }
}
