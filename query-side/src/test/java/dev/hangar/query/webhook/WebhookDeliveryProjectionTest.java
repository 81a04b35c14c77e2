package dev.hangar.query.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.kernel.webhook.ListWebhookDeliveries;
import dev.hangar.kernel.webhook.StatusWebhookAbandoned;
import dev.hangar.kernel.webhook.StatusWebhookAttempted;
import dev.hangar.kernel.webhook.StatusWebhookDelivered;
import dev.hangar.kernel.webhook.StatusWebhookRequested;
import dev.hangar.kernel.webhook.WebhookAttemptView;
import dev.hangar.kernel.webhook.WebhookDeliveryStatus;
import dev.hangar.kernel.webhook.WebhookDeliveryView;
import dev.hangar.query.MongoTestServer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The deliveries read model on a real MongoDB wire-protocol server: each attempt once, per owner and stream. */
class WebhookDeliveryProjectionTest {

    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    MongoTestServer server;
    WebhookDeliveryProjection projection;

    @BeforeEach
    void start() {
        server = new MongoTestServer();
        projection = new WebhookDeliveryProjection(server.template());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static StatusWebhookRequested requested(String id, String owner, String stream, long position) {
        return new StatusWebhookRequested(id, owner, stream, position, "https://example.com/h", "instance.status_changed",
                stream, "web", "running", "stopped", null, T0, T0);
    }

    @Test
    void attemptsAreRecordedOnceAndTheOutcomeShows() {
        projection.on(requested("d2", "u1", "s1", 2));
        projection.on(requested("d1", "u1", "s1", 1));
        projection.on(requested("d1", "u1", "s1", 1)); // redelivered
        projection.on(requested("d3", "u2", "s1", 3));
        projection.on(new StatusWebhookAttempted("d1", "u1", "s1", 1, 500, "HTTP 500", T0, T0.plusSeconds(10)));
        projection.on(new StatusWebhookAttempted("d1", "u1", "s1", 1, 500, "HTTP 500", T0, T0.plusSeconds(10)));
        projection.on(new StatusWebhookAttempted("d1", "u1", "s1", 2, 200, null, T0.plusSeconds(10), null));
        projection.on(new StatusWebhookDelivered("d1", "u1", "s1", 2, T0.plusSeconds(10)));
        projection.on(new StatusWebhookAttempted("d2", "u1", "s1", 1, null, "Refused", T0, null));
        projection.on(new StatusWebhookAbandoned("d2", "u1", "s1", 1, "Abandoned after 1 attempt: Refused", T0));

        List<WebhookDeliveryView> list = projection.handle(new ListWebhookDeliveries("u1", "s1")).deliveries();
        assertThat(list).extracting(WebhookDeliveryView::deliveryId).containsExactly("d1", "d2");
        WebhookDeliveryView d1 = list.get(0);
        assertThat(d1.status()).isEqualTo(WebhookDeliveryStatus.DELIVERED);
        assertThat(d1.attempts()).containsExactly(new WebhookAttemptView(1, 500, "HTTP 500", T0),
                new WebhookAttemptView(2, 200, null, T0.plusSeconds(10)));
        assertThat(d1.nextAttemptAt()).isNull();
        assertThat(d1.settledAt()).isEqualTo(T0.plusSeconds(10));
        WebhookDeliveryView d2 = list.get(1);
        assertThat(d2.status()).isEqualTo(WebhookDeliveryStatus.ABANDONED);
        assertThat(d2.abandonReason()).isEqualTo("Abandoned after 1 attempt: Refused");
        // another owner's deliveries on the same stream id are not listed
        assertThat(projection.handle(new ListWebhookDeliveries("u2", "s1")).deliveries())
                .extracting(WebhookDeliveryView::deliveryId).containsExactly("d3");
    }

    @Test
    void aRetryShowsWhenItIsDue() {
        projection.on(requested("d1", "u1", "s1", 1));
        projection.on(new StatusWebhookAttempted("d1", "u1", "s1", 1, null, "Connection refused", T0,
                T0.plusSeconds(10)));
        WebhookDeliveryView d1 = projection.handle(new ListWebhookDeliveries("u1", "s1")).deliveries().get(0);
        assertThat(d1.status()).isEqualTo(WebhookDeliveryStatus.PENDING);
        assertThat(d1.nextAttemptAt()).isEqualTo(T0.plusSeconds(10));
    }
}
