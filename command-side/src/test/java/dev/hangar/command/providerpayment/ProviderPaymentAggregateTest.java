package dev.hangar.command.providerpayment;

import dev.hangar.kernel.payment.PaymentNotificationReceived;
import dev.hangar.kernel.payment.RecordPaymentNotification;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProviderPaymentAggregateTest {

    private AggregateTestFixture<ProviderPaymentAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ProviderPaymentAggregate.class);
    }

    @Test
    void theFirstNotificationOpensTheInbox() {
        fixture.givenNoPriorActivity()
                .when(RecordPaymentNotification.of("1001", "req-1"))
                .expectEvents(new PaymentNotificationReceived("1001", "req-1", fixture.currentTime()));
    }

    @Test
    void everyLaterNotificationIsKeptToo() {
        fixture.given(new PaymentNotificationReceived("1001", "req-1", fixture.currentTime()))
                .when(RecordPaymentNotification.of("1001", "req-2"))
                .expectEvents(new PaymentNotificationReceived("1001", "req-2", fixture.currentTime()));
    }
}
