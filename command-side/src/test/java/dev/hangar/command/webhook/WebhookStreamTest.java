package dev.hangar.command.webhook;

import dev.hangar.kernel.common.HangarException;
import dev.hangar.kernel.webhook.RecordStatusWebhookAttempt;
import dev.hangar.kernel.webhook.RequestStatusWebhook;
import dev.hangar.kernel.webhook.StatusWebhookAbandoned;
import dev.hangar.kernel.webhook.StatusWebhookAttempted;
import dev.hangar.kernel.webhook.StatusWebhookDelivered;
import dev.hangar.kernel.webhook.StatusWebhookRequested;
import dev.hangar.kernel.webhook.WebhookAttemptOutcome;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The delivery lifecycle as the stream's aggregate records it: order, idempotency, bounded outcomes. */
class WebhookStreamTest {

    static final String STREAM = "inst-1";
    static final String OWNER = "u1";
    static final String URL = "https://example.com/hook";
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant T1 = T0.plusSeconds(10);

    AggregateTestFixture<WebhookStream> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(WebhookStream.class);
    }

    static RequestStatusWebhook request(String deliveryId, String from, String to) {
        return new RequestStatusWebhook(deliveryId, OWNER, STREAM, URL, "instance.status_changed", STREAM, "web",
                from, to, null, T0);
    }

    StatusWebhookRequested requested(String deliveryId, long position, String from, String to) {
        return new StatusWebhookRequested(deliveryId, OWNER, STREAM, position, URL, "instance.status_changed", STREAM,
                "web", from, to, null, T0, fixture.currentTime());
    }

    static RecordStatusWebhookAttempt attempt(String deliveryId, int n, Integer code, String error,
                                              WebhookAttemptOutcome outcome, Instant next) {
        return new RecordStatusWebhookAttempt(STREAM, deliveryId, n, code, error, T1, outcome, next);
    }

    @Test
    void requestsAreNumberedInTheOrderTheyCame() {
        fixture.givenCommands(request("d1", "starting", "running"))
                .when(request("d2", "running", "stopped"))
                .expectEvents(requested("d2", 2, "running", "stopped"));
    }

    @Test
    void theFirstRequestOpensTheStream() {
        fixture.givenNoPriorActivity()
                .when(request("d1", null, "running"))
                .expectEvents(requested("d1", 1, null, "running"));
    }

    @Test
    void aRepeatedDeliveryIdIsNotRequestedAgain() {
        fixture.givenCommands(request("d1", "starting", "running"))
                .when(request("d1", "starting", "running"))
                .expectNoEvents();
    }

    @Test
    void onlyHttpAndHttpsUrlsAreAccepted() {
        fixture.givenNoPriorActivity()
                .when(new RequestStatusWebhook("d1", OWNER, STREAM, "ftp://example.com/x", "e", STREAM, "web", null,
                        "running", null, T0))
                .expectException(HangarException.class)
                .expectExceptionMessage("webhookUrl: must be an http or https URL");
    }

    @Test
    void aStreamBelongsToOneOwner() {
        fixture.givenCommands(request("d1", null, "running"))
                .when(new RequestStatusWebhook("d2", "someone-else", STREAM, URL, "e", STREAM, "web", null, "stopped",
                        null, T0))
                .expectException(HangarException.class);
    }

    @Test
    void aFailedAttemptIsRecordedWithItsNextTime() {
        fixture.givenCommands(request("d1", null, "running"))
                .when(attempt("d1", 1, 500, "HTTP 500", WebhookAttemptOutcome.RETRY, T1.plusSeconds(10)))
                .expectEvents(new StatusWebhookAttempted("d1", OWNER, STREAM, 1, 500, "HTTP 500", T1,
                        T1.plusSeconds(10)));
    }

    @Test
    void aTwoHundredDelivers() {
        fixture.givenCommands(request("d1", null, "running"),
                        attempt("d1", 1, 503, "HTTP 503", WebhookAttemptOutcome.RETRY, T1.plusSeconds(10)))
                .when(attempt("d1", 2, 204, null, WebhookAttemptOutcome.DELIVERED, null))
                .expectEvents(new StatusWebhookAttempted("d1", OWNER, STREAM, 2, 204, null, T1, null),
                        new StatusWebhookDelivered("d1", OWNER, STREAM, 2, T1));
    }

    @Test
    void theLastAttemptAbandonsWithTheReason() {
        fixture.givenCommands(request("d1", null, "running"),
                        attempt("d1", 1, 500, "HTTP 500", WebhookAttemptOutcome.RETRY, T1),
                        attempt("d1", 2, null, "Timed out", WebhookAttemptOutcome.RETRY, T1))
                .when(attempt("d1", 3, 500, "HTTP 500", WebhookAttemptOutcome.ABANDONED, null))
                .expectEvents(new StatusWebhookAttempted("d1", OWNER, STREAM, 3, 500, "HTTP 500", T1, null),
                        new StatusWebhookAbandoned("d1", OWNER, STREAM, 3, "Abandoned after 3 attempts: HTTP 500", T1));
    }

    @Test
    void aRefusedAddressAbandonsAtOnce() {
        fixture.givenCommands(request("d1", null, "running"))
                .when(attempt("d1", 1, null, "Refused: 10.0.0.5 is in a private range", WebhookAttemptOutcome.ABANDONED,
                        null))
                .expectEvents(new StatusWebhookAttempted("d1", OWNER, STREAM, 1, null,
                                "Refused: 10.0.0.5 is in a private range", T1, null),
                        new StatusWebhookAbandoned("d1", OWNER, STREAM, 1,
                                "Abandoned after 1 attempt: Refused: 10.0.0.5 is in a private range", T1));
    }

    @Test
    void anAttemptIsRecordedOnce() {
        fixture.givenCommands(request("d1", null, "running"),
                        attempt("d1", 1, 500, "HTTP 500", WebhookAttemptOutcome.RETRY, T1))
                .when(attempt("d1", 1, 500, "HTTP 500", WebhookAttemptOutcome.RETRY, T1))
                .expectNoEvents();
    }

    @Test
    void aSettledDeliveryTakesNoMoreAttempts() {
        fixture.givenCommands(request("d1", null, "running"),
                        attempt("d1", 1, 200, null, WebhookAttemptOutcome.DELIVERED, null))
                .when(attempt("d1", 2, 200, null, WebhookAttemptOutcome.DELIVERED, null))
                .expectNoEvents();
    }

    @Test
    void aDeliveredIdIsStillNotRequestedAgain() {
        fixture.givenCommands(request("d1", null, "running"),
                        attempt("d1", 1, 200, null, WebhookAttemptOutcome.DELIVERED, null))
                .when(request("d1", null, "running"))
                .expectNoEvents();
    }
}
