package dev.hangar.api.support;

import dev.hangar.kernel.payment.WebhookSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.JdbcTemplate;

/** Mercado Pago's side of a test: signed notifications, and the event store as the witness. */
public final class PaymentSupport {

    public static final String WEBHOOK_SECRET = "whsec-test-0123456789abcdef";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private PaymentSupport() {
    }

    /** {@code key=value} settings for a Hangar paying through {@code fake}. */
    public static String[] mercadoPagoSettings(FakeMercadoPago fake) {
        return new String[] {"hangar.payments.provider=mercadopago",
            "hangar.payments.mercadopago.base-url=" + fake.baseUrl(),
            "hangar.payments.mercadopago.access-token=" + FakeMercadoPago.ACCESS_TOKEN,
            "hangar.payments.mercadopago.webhook-secret=" + WEBHOOK_SECRET,
            "hangar.payments.public-url=https://hangar.example.test",
            "hangar.payments.check-retry-delay=500ms"};
    }

    public static String sign(String secret, String dataId, String requestId, String ts) {
        return new WebhookSignature(secret, Duration.ofMinutes(10)).sign(dataId, requestId, ts);
    }

    /** Posts a notification the way Mercado Pago does: data.id and type in the query string, JSON body. */
    public static int sendNotification(int port, String dataId, Map<String, String> headers) {
        String body = "{\"action\":\"payment.updated\",\"api_version\":\"v1\",\"data\":{\"id\":\"" + dataId
                + "\"},\"date_created\":\"" + Instant.now() + "\",\"live_mode\":false,\"type\":\"payment\"}";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/payments/webhook?data.id=" + dataId + "&type=payment")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A notification signed with the right secret, ts in milliseconds as Mercado Pago sends it. */
    public static int notifySigned(int port, String dataId) {
        String requestId = UUID.randomUUID().toString();
        String ts = String.valueOf(Instant.now().toEpochMilli());
        return sendNotification(port, dataId, Map.of("x-request-id", requestId, "x-signature",
                sign(WEBHOOK_SECRET, dataId, requestId, ts)));
    }

    public static int events(JdbcTemplate jdbc, String aggregateId, String type) {
        Integer n = jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier = ? and "
                + "payloadtype = ?", Integer.class, aggregateId, type);
        return n == null ? 0 : n;
    }

    public static int eventsOfType(JdbcTemplate jdbc, String type) {
        Integer n = jdbc.queryForObject("select count(*) from domainevententry where payloadtype = ?", Integer.class,
                type);
        return n == null ? 0 : n;
    }

    public static void await(String what, Supplier<Boolean> condition) {
        await(what, condition, Duration.ofSeconds(30));
    }

    public static void await(String what, Supplier<Boolean> condition, Duration atMost) {
        Awaitility.await(what).atMost(atMost).pollInterval(Duration.ofMillis(50)).until(condition::get);
    }

    /** The Databases surface's error body. */
    public static void assertDatabasesError(HangarClient.Response r, int status, String code, String path) {
        org.assertj.core.api.Assertions.assertThat(r.status()).as(r.raw()).isEqualTo(status);
        org.assertj.core.api.Assertions.assertThat(r.text("error")).as(r.raw()).isEqualTo(code);
        org.assertj.core.api.Assertions.assertThat(r.text("message")).isNotBlank();
        org.assertj.core.api.Assertions.assertThat(r.text("timestamp")).isNotBlank();
        org.assertj.core.api.Assertions.assertThat(r.text("path")).isEqualTo(path);
    }

    public static String planOf(HangarClient client, String token) {
        return client.get("/api/plans/current", token).body().path("plan").path("name").asText();
    }
}
