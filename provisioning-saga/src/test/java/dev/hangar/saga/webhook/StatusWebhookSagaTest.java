package dev.hangar.saga.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.kernel.webhook.StatusWebhookAbandoned;
import dev.hangar.kernel.webhook.StatusWebhookAttempted;
import dev.hangar.kernel.webhook.StatusWebhookDelivered;
import dev.hangar.kernel.webhook.StatusWebhookRequested;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One stream's deliveries: in order, the next after the head settles, retries and watches on durable deadlines. */
class StatusWebhookSagaTest {

    static final String STREAM = "inst-1";
    static final Duration WATCH = Duration.ofSeconds(45);

    /** Records what it was asked to attempt; the real one POSTs on its executor and reports a command. */
    static final class RecordingSender implements WebhookSender {
        final List<String> attempts = new ArrayList<>();
        final Set<String> busy = new HashSet<>();

        @Override
        public void attempt(StatusWebhookRequested delivery, int attempt) {
            attempts.add(delivery.deliveryId() + "#" + attempt);
        }

        @Override
        public boolean busy(String deliveryId) {
            return busy.contains(deliveryId);
        }

        @Override
        public Duration attemptWatch() {
            return WATCH;
        }
    }

    SagaTestFixture<StatusWebhookSaga> fixture;
    RecordingSender sender;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(StatusWebhookSaga.class);
        sender = new RecordingSender();
        fixture.registerResource(sender);
    }

    static StatusWebhookRequested requested(String deliveryId, long position) {
        return new StatusWebhookRequested(deliveryId, "u1", STREAM, position, "https://example.com/hook",
                "instance.status_changed", STREAM, "web", "running", "stopped", null, Instant.EPOCH, Instant.EPOCH);
    }

    StatusWebhookAttempted failed(String deliveryId, int attempt, Duration retryIn) {
        return new StatusWebhookAttempted(deliveryId, "u1", STREAM, attempt, 500, "HTTP 500", fixture.currentTime(),
                fixture.currentTime().plus(retryIn));
    }

    StatusWebhookAttempted last(String deliveryId, int attempt, Integer code) {
        return new StatusWebhookAttempted(deliveryId, "u1", STREAM, attempt, code, null, fixture.currentTime(), null);
    }

    @Test
    void aRequestIsAttemptedAtOnce() throws Exception {
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested("d1", 1))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(Duration.ZERO, StatusWebhookSaga.ATTEMPT);
        fixture.whenTimeElapses(Duration.ZERO)
                .expectScheduledDeadlineWithName(WATCH, StatusWebhookSaga.ATTEMPT);
        assertThat(sender.attempts).containsExactly("d1#1");
    }

    @Test
    void theNextDeliveryOfAStreamWaitsForThePreviousOne() throws Exception {
        fixture.givenAPublished(requested("d1", 1))
                .andThenTimeElapses(Duration.ZERO)
                .andThenAPublished(requested("d2", 2))
                .andThenAPublished(failed("d1", 1, Duration.ofSeconds(10)))
                .whenTimeElapses(Duration.ofSeconds(10));
        // d2 waits while d1 is retried
        assertThat(sender.attempts).containsExactly("d1#1", "d1#2");
        fixture.whenPublishingA(last("d1", 2, 200))
                .expectActiveSagas(1);
        fixture.whenPublishingA(new StatusWebhookDelivered("d1", "u1", STREAM, 2, Instant.EPOCH))
                .expectScheduledDeadlineWithName(Duration.ZERO, StatusWebhookSaga.ATTEMPT);
        fixture.whenTimeElapses(Duration.ZERO);
        assertThat(sender.attempts).containsExactly("d1#1", "d1#2", "d2#1");
    }

    @Test
    void anAbandonedDeliveryLetsTheNextGo() throws Exception {
        fixture.givenAPublished(requested("d1", 1))
                .andThenAPublished(requested("d2", 2))
                .andThenTimeElapses(Duration.ZERO)
                .andThenAPublished(last("d1", 1, null))
                .andThenAPublished(new StatusWebhookAbandoned("d1", "u1", STREAM, 1, "Refused", Instant.EPOCH))
                .whenTimeElapses(Duration.ZERO);
        assertThat(sender.attempts).containsExactly("d1#1", "d2#1");
    }

    @Test
    void aRetryComesAtTheTimeTheSenderChose() throws Exception {
        fixture.givenAPublished(requested("d1", 1))
                .andThenTimeElapses(Duration.ZERO)
                .whenPublishingA(failed("d1", 1, Duration.ofSeconds(20)));
        // the watch of attempt 1 (45 s) belongs to an older generation: it comes due and does nothing
        fixture.whenTimeElapses(Duration.ofSeconds(19));
        assertThat(sender.attempts).containsExactly("d1#1");
        fixture.whenTimeElapses(Duration.ofSeconds(1));
        assertThat(sender.attempts).containsExactly("d1#1", "d1#2");
        fixture.whenTimeElapses(WATCH.plusSeconds(1));
        assertThat(sender.attempts).containsExactly("d1#1", "d1#2", "d1#2");
    }

    @Test
    void anAttemptWithoutARecordedOutcomeIsMadeAgainAtTheWatch() throws Exception {
        fixture.givenAPublished(requested("d1", 1))
                .andThenTimeElapses(Duration.ZERO)
                .whenTimeElapses(WATCH);
        assertThat(sender.attempts).containsExactly("d1#1", "d1#1");
    }

    @Test
    void anAttemptStillUnderWayIsNotMadeTwice() throws Exception {
        fixture.givenAPublished(requested("d1", 1))
                .andThenTimeElapses(Duration.ZERO);
        sender.busy.add("d1");
        fixture.whenTimeElapses(WATCH)
                .expectScheduledDeadlineWithName(StatusWebhookSaga.BUSY_LOOK_AGAIN, StatusWebhookSaga.ATTEMPT);
        assertThat(sender.attempts).containsExactly("d1#1");
    }

    @Test
    void aRetryDueWhileTheLastAttemptIsFinishingIsMadeShortlyAfter() throws Exception {
        StatusWebhookAttempted failed = failed("d1", 1, Duration.ofSeconds(10));
        fixture.givenAPublished(requested("d1", 1))
                .andThenTimeElapses(Duration.ZERO)
                .andThenAPublished(failed);
        sender.busy.add("d1"); // the first attempt's thread has reported but not yet let go
        fixture.whenTimeAdvancesTo(failed.nextAttemptAt())
                .expectScheduledDeadlineWithName(failed.nextAttemptAt().plus(StatusWebhookSaga.BUSY_LOOK_AGAIN),
                        StatusWebhookSaga.ATTEMPT);
        assertThat(sender.attempts).containsExactly("d1#1");

        sender.busy.clear();
        fixture.whenTimeElapses(StatusWebhookSaga.BUSY_LOOK_AGAIN)
                .expectScheduledDeadlineWithName(WATCH, StatusWebhookSaga.ATTEMPT);
        assertThat(sender.attempts).containsExactly("d1#1", "d1#2");
    }

    @Test
    void aStaleOrRepeatedOutcomeChangesNothing() throws Exception {
        fixture.givenAPublished(requested("d1", 1))
                .andThenTimeElapses(Duration.ZERO)
                .andThenAPublished(failed("d1", 1, Duration.ofSeconds(10)))
                .andThenTimeElapses(Duration.ofSeconds(5))
                // redelivered late: were it taken, the retry would move to 10 s from now (and the first go stale)
                .whenPublishingA(failed("d1", 1, Duration.ofSeconds(10)));
        fixture.whenTimeElapses(Duration.ofSeconds(5));
        assertThat(sender.attempts).containsExactly("d1#1", "d1#2");
    }

    @Test
    void theSagaEndsWhenTheStreamHasNothingLeft() throws Exception {
        fixture.givenAPublished(requested("d1", 1))
                .andThenTimeElapses(Duration.ZERO)
                .andThenAPublished(last("d1", 1, 204))
                .whenPublishingA(new StatusWebhookDelivered("d1", "u1", STREAM, 1, Instant.EPOCH))
                .expectActiveSagas(0);
    }

    @Test
    void aRepeatedRequestIsQueuedOnce() throws Exception {
        fixture.givenAPublished(requested("d1", 1))
                .andThenAPublished(requested("d1", 1))
                .andThenTimeElapses(Duration.ZERO)
                .andThenAPublished(last("d1", 1, 204))
                .whenPublishingA(new StatusWebhookDelivered("d1", "u1", STREAM, 1, Instant.EPOCH))
                .expectActiveSagas(0);
        assertThat(sender.attempts).containsExactly("d1#1");
    }
}
