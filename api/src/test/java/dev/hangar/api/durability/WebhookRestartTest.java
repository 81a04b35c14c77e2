package dev.hangar.api.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hangar.api.support.HangarClient.Response;
import dev.hangar.api.support.HangarClient.User;
import dev.hangar.api.support.PaymentSupport;
import dev.hangar.api.support.RunningHangar;
import dev.hangar.api.support.SecretsLedger;
import dev.hangar.api.support.WebhookReceiver;
import dev.hangar.api.support.WebhookReceiver.Received;
import dev.hangar.kernel.webhook.RequestStatusWebhook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Hangar that stops while a status webhook waits for its retry, or while an attempt is under
 * way, still delivers it after the restart: the retry and the attempt's watch are deadlines in the
 * relational store, the stream's queue is saga state beside them.
 */
class WebhookRestartTest {

    Path dataDir;
    WebhookReceiver receiver;

    @BeforeEach
    void setUp() throws Exception {
        dataDir = Files.createTempDirectory(Path.of("target"), "webhook-restart-");
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    private RunningHangar hangar(String... settings) {
        List<String> all = new ArrayList<>(List.of("hangar.webhooks.allow-loopback=true",
                "hangar.webhooks.max-attempts=10"));
        all.addAll(List.of(settings));
        return RunningHangar.start(dataDir, all.toArray(String[]::new));
    }

    private static String request(RunningHangar hangar, User user, String stream, String url) {
        String id = UUID.randomUUID().toString();
        hangar.bean(CommandGateway.class).sendAndWait(new RequestStatusWebhook(id, user.id(), stream, url,
                "instance.status_changed", stream, "web-1", "running", "failed", "container exited", Instant.now()));
        return id;
    }

    /** The stream is no instance: until its delivery is in the read model it is unknown (404, a missing node). */
    private static JsonNode delivery(RunningHangar hangar, User user, String stream) {
        Response r = hangar.client.get("/api/instances/" + stream + "/webhook-deliveries", user.token());
        if (r.status() == 404) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body().path("deliveries").path(0);
    }

    private static void await(String what, Supplier<Boolean> condition) {
        PaymentSupport.await(what, condition, Duration.ofSeconds(120));
    }

    @Test
    void aStopWhileARetryWaitsStillDeliversAfterTheRestart() {
        String url = receiver.url(503);
        String stream = UUID.randomUUID().toString();
        User user;
        String id;
        String secret;
        try (RunningHangar hangar = hangar("hangar.webhooks.first-retry-delay=20s")) {
            user = hangar.client.newPlatformUser();
            secret = hangar.client.get("/api/instances/webhook-secret", user.token()).text("secret");
            SecretsLedger.record(secret);
            id = request(hangar, user, stream, url);
            await("the first attempt recorded", () -> delivery(hangar, user, stream).path("attempts").size() == 1);
            assertThat(delivery(hangar, user, stream).path("nextAttemptAt").asText()).isNotEmpty();
        }
        // stopped before the retry was due
        assertThat(receiver.at(url)).hasSize(1);
        try (RunningHangar hangar = hangar("hangar.webhooks.first-retry-delay=20s")) {
            await("the delivery after the restart",
                    () -> delivery(hangar, user, stream).path("status").asText().equals("delivered"));
            JsonNode d = delivery(hangar, user, stream);
            List<Integer> codes = new ArrayList<>();
            d.path("attempts").forEach(a -> codes.add(a.path("statusCode").asInt()));
            assertThat(codes).containsExactly(503, 200);
        }
        List<Received> got = receiver.at(url);
        assertThat(got).extracting(Received::answered).containsExactly(503, 200);
        assertThat(got).extracting(Received::deliveryId).containsOnly(id);
        assertThat(got.get(1).signedWith(secret)).isTrue();
    }

    @Test
    void aStopMidAttemptMakesTheAttemptAgainAfterTheRestart() {
        String url = receiver.url(WebhookReceiver.HOLD);
        String stream = UUID.randomUUID().toString();
        String[] settings = {"hangar.webhooks.connect-timeout=1s", "hangar.webhooks.request-timeout=20s",
                "hangar.webhooks.attempt-watch-margin=1s"};
        User user;
        String id;
        try (RunningHangar hangar = hangar(settings)) {
            user = hangar.client.newPlatformUser();
            id = request(hangar, user, stream, url);
            // the receiver holds the POST: Hangar stops in the middle of the attempt
            await("the attempt under way", () -> receiver.at(url).size() == 1);
            assertThat(delivery(hangar, user, stream).path("attempts")).isEmpty();
        }
        receiver.release();
        try (RunningHangar hangar = hangar(settings)) {
            await("the delivery after the restart",
                    () -> delivery(hangar, user, stream).path("status").asText().equals("delivered"));
            JsonNode d = delivery(hangar, user, stream);
            assertThat(d.path("attempts")).hasSize(1);
            assertThat(d.path("attempts").get(0).path("statusCode").asInt()).isEqualTo(200);
        }
        assertThat(receiver.at(url)).hasSize(2).extracting(Received::deliveryId).containsOnly(id);
    }
}
