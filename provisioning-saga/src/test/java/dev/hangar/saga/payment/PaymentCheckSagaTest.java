package dev.hangar.saga.payment;

import dev.hangar.kernel.payment.PaymentNotificationReceived;
import dev.hangar.kernel.payment.RecordProviderPayment;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaymentCheckSagaTest {

    /** Answers the queued outcomes in order: a payment or a provider failure. */
    static final class ScriptedGateway implements PaymentGateway {
        final Deque<Object> answers = new ArrayDeque<>();
        int fetches;

        @Override
        public Preference createPreference(PreferenceRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ProviderPayment fetchPayment(String providerPaymentId) {
            fetches++;
            Object next = answers.isEmpty() ? new PaymentProviderException("down", false) : answers.poll();
            if (next instanceof PaymentProviderException e) {
                throw e;
            }
            return (ProviderPayment) next;
        }
    }

    private static final ProviderPayment APPROVED = new ProviderPayment("1001", "approved", new BigDecimal("19.99"),
            "USD", "pay-1");

    private SagaTestFixture<PaymentCheckSaga> fixture;
    private ScriptedGateway gateway;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(PaymentCheckSaga.class);
        gateway = new ScriptedGateway();
        fixture.registerResource(gateway);
        fixture.registerResource(new PaymentSettings(Duration.ofHours(24), Duration.ofSeconds(5), 3));
    }

    private PaymentNotificationReceived notified(String requestId) {
        return new PaymentNotificationReceived("1001", requestId, fixture.currentTime());
    }

    @Test
    void aNotificationOnlySchedulesTheCheck() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(notified("r1"))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(Duration.ZERO, PaymentCheckSaga.CHECK)
                .expectNoDispatchedCommands();
    }

    @Test
    void theCheckFetchesThePaymentAndReportsWhatTheProviderSays() {
        gateway.answers.add(APPROVED);
        fixture.givenAPublished(notified("r1"))
                .whenTimeElapses(Duration.ofMillis(1))
                .expectTriggeredDeadlinesWithName(PaymentCheckSaga.CHECK)
                .expectDispatchedCommands(new RecordProviderPayment("pay-1", "1001", "approved",
                        new BigDecimal("19.99"), "USD"))
                .expectActiveSagas(0);
    }

    @Test
    void repeatsWhileACheckIsScheduledAreFoldedIntoIt() {
        gateway.answers.add(APPROVED);
        gateway.answers.add(APPROVED);
        fixture.givenAPublished(notified("r1"))
                .andThenAPublished(notified("r2"))
                .andThenAPublished(notified("r3"))
                .whenTimeElapses(Duration.ofMillis(1))
                .expectActiveSagas(0);
        org.assertj.core.api.Assertions.assertThat(gateway.fetches).isBetween(1, 2);
    }

    @Test
    void anUnreachableProviderIsRetriedOnADeadlineThenGivenUp() {
        fixture.givenAPublished(notified("r1"))
                .whenTimeElapses(Duration.ZERO)
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(Duration.ofSeconds(5), PaymentCheckSaga.CHECK)
                .expectNoDispatchedCommands();
        fixture.whenTimeElapses(Duration.ofMinutes(1))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
        org.assertj.core.api.Assertions.assertThat(gateway.fetches).isEqualTo(3);
    }

    @Test
    void aRecoveredProviderIsReadOnTheRetry() {
        gateway.answers.add(new PaymentProviderException("503", false));
        gateway.answers.add(APPROVED);
        fixture.givenAPublished(notified("r1"))
                .whenTimeElapses(Duration.ofSeconds(6))
                .expectDispatchedCommands(new RecordProviderPayment("pay-1", "1001", "approved",
                        new BigDecimal("19.99"), "USD"))
                .expectActiveSagas(0);
    }

    @Test
    void aPaymentTheProviderDoesNotKnowIsDroppedWithoutRetrying() {
        gateway.answers.add(new PaymentProviderException("not found", true));
        fixture.givenAPublished(notified("r1"))
                .whenTimeElapses(Duration.ofMillis(1))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }
}
