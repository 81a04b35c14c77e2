package dev.hangar.api.instances;

import static dev.hangar.api.support.PaymentSupport.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hangar.api.support.HangarClient;
import dev.hangar.api.support.HangarClient.Response;
import dev.hangar.api.support.HangarClient.User;
import dev.hangar.api.support.HangarHttpTest;
import dev.hangar.api.support.SecretsLedger;
import dev.hangar.api.support.WebhookReceiver;
import dev.hangar.api.support.WebhookReceiver.Received;
import dev.hangar.kernel.common.HangarException;
import dev.hangar.kernel.webhook.RequestStatusWebhook;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Status webhooks end to end, against a real receiver on loopback (allowed for the tests): the
 * signature verifies with the secret the user reads from the API, the deliveries of one stream keep
 * their order, failures are retried, private addresses are refused, rotation changes the key. The
 * status source is the kernel command, sent as the instance lifecycle will send it.
 */
@HangarHttpTest
class StatusWebhookHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;

    HangarClient client;
    WebhookReceiver receiver;

    @BeforeEach
    void setUp() {
        client = new HangarClient(port);
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    String secretOf(User user) {
        Response r = client.get("/api/instances/webhook-secret", user.token());
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        String secret = r.text("secret");
        SecretsLedger.record(secret);
        return secret;
    }

    String request(User user, String stream, String url, String from, String to) {
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new RequestStatusWebhook(id, user.id(), stream, url, "instance.status_changed", stream,
                "web-1", from, to, from == null ? null : "requested by the user",
                Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        return id;
    }

    /** These streams are no instances: until its first delivery is in the read model, the stream is unknown (404). */
    JsonNode deliveries(User user, String stream) {
        Response r = client.get("/api/instances/" + stream + "/webhook-deliveries", user.token());
        if (r.status() == 404) {
            return HangarClient.JSON.createArrayNode();
        }
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body().path("deliveries");
    }

    JsonNode awaitSettled(User user, String stream, int count) {
        await(count + " settled deliveries", () -> {
            JsonNode all = deliveries(user, stream);
            if (all.size() < count) {
                return false;
            }
            for (JsonNode d : all) {
                if (d.path("status").asText().equals("pending")) {
                    return false;
                }
            }
            return true;
        });
        return deliveries(user, stream);
    }

    @Test
    void theSignatureVerifiesWithTheSecretReadFromTheApi() {
        User user = client.newPlatformUser();
        String secret = secretOf(user);
        assertThat(secret).startsWith("whsec_");
        assertThat(secretOf(user)).as("the same secret until rotated").isEqualTo(secret);
        String stream = UUID.randomUUID().toString();
        String url = receiver.url();

        String id = request(user, stream, url, "starting", "running");

        JsonNode settled = awaitSettled(user, stream, 1);
        List<Received> got = receiver.at(url);
        assertThat(got).hasSize(1);
        Received r = got.get(0);
        assertThat(r.signedWith(secret)).isTrue();
        assertThat(r.signedWith(secret + "x")).isFalse();
        assertThat(r.deliveryId()).isEqualTo(id);
        JsonNode body = r.json();
        assertThat(body.path("id").asText()).isEqualTo(id);
        assertThat(body.path("event").asText()).isEqualTo("instance.status_changed");
        assertThat(body.path("instanceId").asText()).isEqualTo(stream);
        assertThat(body.path("instanceName").asText()).isEqualTo("web-1");
        assertThat(body.path("oldStatus").asText()).isEqualTo("starting");
        assertThat(body.path("newStatus").asText()).isEqualTo("running");
        assertThat(body.path("reason").asText()).isEqualTo("requested by the user");
        assertThat(Instant.parse(body.path("timestamp").asText())).isNotNull();
        // the signature's time is recent unix seconds
        long t = Long.parseLong(r.signature().substring(2, r.signature().indexOf(',')));
        assertThat(Math.abs(Instant.now().getEpochSecond() - t)).isLessThan(300);

        JsonNode delivery = settled.get(0);
        assertThat(delivery.path("id").asText()).isEqualTo(id);
        assertThat(delivery.path("status").asText()).isEqualTo("delivered");
        assertThat(delivery.path("attempts")).hasSize(1);
        assertThat(delivery.path("attempts").get(0).path("statusCode").asInt()).isEqualTo(200);
        assertThat(delivery.path("attempts").get(0).path("attemptedAt").asText()).isNotEmpty();
    }

    @Test
    void theDeliveriesOfOneStreamKeepTheirOrderThroughARetry() {
        User user = client.newPlatformUser();
        String stream = UUID.randomUUID().toString();
        // the first delivery fails once: the second and third wait for it
        String url = receiver.url(503);
        List<String> ids = new ArrayList<>();
        ids.add(request(user, stream, url, null, "starting"));
        ids.add(request(user, stream, url, "starting", "running"));
        ids.add(request(user, stream, url, "running", "stopping"));
        ids.add(request(user, stream, url, "stopping", "stopped"));

        JsonNode settled = awaitSettled(user, stream, 4);
        List<String> order = receiver.at(url).stream().map(Received::id).toList();
        assertThat(order).containsExactly(ids.get(0), ids.get(0), ids.get(1), ids.get(2), ids.get(3));
        List<String> listed = new ArrayList<>();
        settled.forEach(d -> {
            listed.add(d.path("id").asText());
            assertThat(d.path("status").asText()).isEqualTo("delivered");
        });
        assertThat(listed).isEqualTo(ids);
    }

    @Test
    void aReceiverThatFailsTwiceGetsTheThirdAttempt() {
        User user = client.newPlatformUser();
        String secret = secretOf(user);
        String stream = UUID.randomUUID().toString();
        String url = receiver.url(500, 502);

        String id = request(user, stream, url, "running", "failed");

        JsonNode delivery = awaitSettled(user, stream, 1).get(0);
        assertThat(delivery.path("status").asText()).isEqualTo("delivered");
        List<Integer> codes = new ArrayList<>();
        delivery.path("attempts").forEach(a -> codes.add(a.path("statusCode").asInt()));
        assertThat(codes).containsExactly(500, 502, 200);
        assertThat(delivery.path("nextAttemptAt").isNull()).isTrue();
        List<Received> got = receiver.at(url);
        assertThat(got).extracting(Received::answered).containsExactly(500, 502, 200);
        // one idempotency id across the attempts, each attempt signed
        assertThat(got).extracting(Received::deliveryId).containsOnly(id);
        assertThat(got).allMatch(r -> r.signedWith(secret));
    }

    @Test
    void aReceiverThatNeverSucceedsIsAbandonedAfterTheLastAttempt() {
        User user = client.newPlatformUser();
        String stream = UUID.randomUUID().toString();
        String url = receiver.url(500, 500, 500, 500, 500);

        request(user, stream, url, "running", "failed");

        JsonNode delivery = awaitSettled(user, stream, 1).get(0);
        assertThat(delivery.path("status").asText()).isEqualTo("abandoned");
        assertThat(delivery.path("attempts")).hasSize(4); // hangar.webhooks.max-attempts in the tests
        assertThat(delivery.path("abandonReason").asText()).isEqualTo("Abandoned after 4 attempts: HTTP 500");
        assertThat(receiver.at(url)).hasSize(4);
    }

    @Test
    void privateAndMetadataAddressesAreRefusedAtDelivery() {
        User user = client.newPlatformUser();
        String stream = UUID.randomUUID().toString();

        request(user, stream, "http://10.0.0.1/hook", "running", "stopped");
        request(user, stream, "http://169.254.169.254/latest/meta-data/", "stopped", "running");

        JsonNode settled = awaitSettled(user, stream, 2);
        for (JsonNode d : settled) {
            assertThat(d.path("status").asText()).isEqualTo("abandoned");
            assertThat(d.path("attempts")).hasSize(1);
            assertThat(d.path("attempts").get(0).path("statusCode").isNull()).isTrue();
        }
        assertThat(settled.get(0).path("abandonReason").asText()).startsWith("Abandoned after 1 attempt: Refused: 10.0.0.1");
        assertThat(settled.get(1).path("abandonReason").asText())
                .startsWith("Abandoned after 1 attempt: Refused: 169.254.169.254");
    }

    @Test
    void onlyHttpAndHttpsUrlsAreAccepted() {
        User user = client.newPlatformUser();
        assertThatThrownBy(() -> request(user, UUID.randomUUID().toString(), "file:///etc/passwd", null, "running"))
                .isInstanceOfSatisfying(HangarException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("webhookUrl: must be an http or https URL"));
    }

    @Test
    void rotationChangesTheSignature() {
        User user = client.newPlatformUser();
        String before = secretOf(user);
        String stream = UUID.randomUUID().toString();
        String url = receiver.url();
        request(user, stream, url, null, "running");
        awaitSettled(user, stream, 1);

        Response rotated = client.post("/api/instances/webhook-secret/rotate", null, user.token());
        assertThat(rotated.status()).as(rotated.raw()).isEqualTo(200);
        String after = rotated.text("secret");
        SecretsLedger.record(after);
        assertThat(after).startsWith("whsec_").isNotEqualTo(before);
        assertThat(secretOf(user)).isEqualTo(after);

        request(user, stream, url, "running", "stopped");
        awaitSettled(user, stream, 2);
        List<Received> got = receiver.at(url);
        assertThat(got).hasSize(2);
        assertThat(got.get(0).signedWith(before)).isTrue();
        assertThat(got.get(1).signedWith(after)).isTrue();
        assertThat(got.get(1).signedWith(before)).isFalse();
    }

    @Test
    void anotherUsersDeliveriesAreNotListed() {
        User owner = client.newPlatformUser();
        User other = client.newPlatformUser();
        String stream = UUID.randomUUID().toString();
        request(owner, stream, receiver.url(), null, "running");
        awaitSettled(owner, stream, 1);
        Response foreign = client.get("/api/instances/" + stream + "/webhook-deliveries", other.token());
        assertThat(foreign.status()).as(foreign.raw()).isEqualTo(404);
        assertThat(foreign.body().path("error").path("code").asText()).isEqualTo("INSTANCE_NOT_FOUND");
        Response unknown = client.get("/api/instances/" + UUID.randomUUID() + "/webhook-deliveries", owner.token());
        assertThat(unknown.status()).as(unknown.raw()).isEqualTo(404);
        assertThat(secretOf(other)).isNotEqualTo(secretOf(owner));
    }

    @Test
    void theSecretNeedsAToken() {
        assertThat(client.get("/api/instances/webhook-secret").status()).isEqualTo(401);
        assertThat(client.post("/api/instances/webhook-secret/rotate", null).status()).isEqualTo(401);
    }
}
