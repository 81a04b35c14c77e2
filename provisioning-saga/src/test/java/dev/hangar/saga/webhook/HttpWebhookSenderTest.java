package dev.hangar.saga.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.hangar.kernel.webhook.RecordStatusWebhookAttempt;
import dev.hangar.kernel.webhook.StatusWebhookRequested;
import dev.hangar.kernel.webhook.WebhookAttemptOutcome;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sender against a real HTTP receiver on loopback (allowed here explicitly). */
class HttpWebhookSenderTest {

    static final String SECRET = "whsec_test";
    static final ObjectMapper JSON = new ObjectMapper();

    record Received(String signature, String delivery, byte[] body) {
    }

    HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger status = new AtomicInteger(200);
    final BlockingQueue<RecordStatusWebhookAttempt> reports = new LinkedBlockingQueue<>();
    volatile Duration answerAfter = Duration.ZERO;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestHeaders().getFirst("X-Hangar-Signature"),
                    exchange.getRequestHeaders().getFirst("X-Hangar-Delivery"), body));
            try {
                Thread.sleep(answerAfter.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", url("/hook"));
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    static WebhookProperties settings(int maxAttempts, boolean allowLoopback) {
        return settings(maxAttempts, allowLoopback, Duration.ofSeconds(10));
    }

    static WebhookProperties settings(int maxAttempts, boolean allowLoopback, Duration requestTimeout) {
        return new WebhookProperties(maxAttempts, Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(2),
                requestTimeout, Duration.ofSeconds(30), 2, false, allowLoopback, List.of(), List.of());
    }

    HttpWebhookSender sender(WebhookProperties settings) {
        return sender(settings, reports::add);
    }

    HttpWebhookSender sender(WebhookProperties settings, java.util.function.Consumer<RecordStatusWebhookAttempt> reporter) {
        return new HttpWebhookSender(settings, HttpWebhookSender.guardFor(settings), owner -> SECRET, reporter,
                java.time.Clock.systemUTC());
    }

    StatusWebhookRequested delivery(String url) {
        return new StatusWebhookRequested("d1", "u1", "inst-1", 1, url, "instance.status_changed", "inst-1", "web",
                "running", "stopped", "auto-stop", Instant.parse("2026-01-01T00:00:00Z"), Instant.EPOCH);
    }

    @Test
    void aDeliveryIsSignedOverTheTimeAndTheBody() throws Exception {
        try (HttpWebhookSender sender = sender(settings(3, true))) {
            sender.run(delivery(url("/hook")), 1);
        }
        RecordStatusWebhookAttempt report = reports.poll();
        assertThat(report.outcome()).isEqualTo(WebhookAttemptOutcome.DELIVERED);
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(received).hasSize(1);
        Received r = received.get(0);
        assertThat(r.delivery()).isEqualTo("d1");
        Map<String, String> parts = new java.util.HashMap<>();
        for (String part : r.signature().split(",")) {
            parts.put(part.substring(0, part.indexOf('=')), part.substring(part.indexOf('=') + 1));
        }
        long t = Long.parseLong(parts.get("t"));
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(), "HmacSHA256"));
        mac.update((t + ".").getBytes());
        assertThat(parts.get("v1")).isEqualTo(java.util.HexFormat.of().formatHex(mac.doFinal(r.body())));
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("id").asText()).isEqualTo("d1");
        assertThat(body.path("event").asText()).isEqualTo("instance.status_changed");
        assertThat(body.path("instanceId").asText()).isEqualTo("inst-1");
        assertThat(body.path("instanceName").asText()).isEqualTo("web");
        assertThat(body.path("oldStatus").asText()).isEqualTo("running");
        assertThat(body.path("newStatus").asText()).isEqualTo("stopped");
        assertThat(body.path("reason").asText()).isEqualTo("auto-stop");
        assertThat(body.path("timestamp").asText()).isEqualTo("2026-01-01T00:00:00Z");
    }

    @Test
    void aFailureIsRetriedWithBackOffUntilTheLastAttempt() {
        status.set(503);
        try (HttpWebhookSender sender = sender(settings(3, true))) {
            sender.run(delivery(url("/hook")), 1);
            sender.run(delivery(url("/hook")), 2);
            sender.run(delivery(url("/hook")), 3);
        }
        List<RecordStatusWebhookAttempt> all = List.copyOf(reports);
        assertThat(all).extracting(RecordStatusWebhookAttempt::outcome).containsExactly(WebhookAttemptOutcome.RETRY,
                WebhookAttemptOutcome.RETRY, WebhookAttemptOutcome.ABANDONED);
        assertThat(Duration.between(all.get(0).attemptedAt(), all.get(0).nextAttemptAt())).isEqualTo(Duration.ofSeconds(10));
        assertThat(Duration.between(all.get(1).attemptedAt(), all.get(1).nextAttemptAt())).isEqualTo(Duration.ofSeconds(20));
        assertThat(all.get(2).nextAttemptAt()).isNull();
        assertThat(all).extracting(RecordStatusWebhookAttempt::error).containsOnly("HTTP 503");
    }

    @Test
    void theBackOffDoublesUpToItsBound() {
        WebhookProperties s = settings(10, false);
        assertThat(List.of(s.retryDelay(1), s.retryDelay(2), s.retryDelay(3), s.retryDelay(4), s.retryDelay(9)))
                .containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40),
                        Duration.ofSeconds(60), Duration.ofSeconds(60));
    }

    @Test
    void aSlowReceiverTimesOutAndIsRetried() {
        answerAfter = Duration.ofSeconds(3);
        try (HttpWebhookSender sender = sender(settings(3, true, Duration.ofMillis(500)))) {
            sender.run(delivery(url("/hook")), 1);
        }
        RecordStatusWebhookAttempt report = reports.poll();
        assertThat(report.outcome()).isEqualTo(WebhookAttemptOutcome.RETRY);
        assertThat(report.statusCode()).isNull();
        assertThat(report.error()).isEqualTo("No answer within 500 ms");
    }

    @Test
    void redirectsAreNotFollowed() {
        try (HttpWebhookSender sender = sender(settings(3, true))) {
            sender.run(delivery(url("/moved")), 1);
        }
        RecordStatusWebhookAttempt report = reports.poll();
        assertThat(report.outcome()).isEqualTo(WebhookAttemptOutcome.RETRY);
        assertThat(report.statusCode()).isEqualTo(302);
        assertThat(received).isEmpty();
    }

    @Test
    void loopbackIsRefusedUnlessAllowed() {
        try (HttpWebhookSender sender = sender(settings(3, false))) {
            sender.run(delivery(url("/hook")), 1);
        }
        RecordStatusWebhookAttempt report = reports.poll();
        assertThat(report.outcome()).isEqualTo(WebhookAttemptOutcome.ABANDONED);
        assertThat(report.error()).startsWith("Refused: 127.0.0.1");
        assertThat(received).isEmpty();
    }

    @Test
    void privateAndMetadataAddressesAreRefusedAtOnce() {
        try (HttpWebhookSender sender = sender(settings(3, true))) {
            sender.run(delivery("http://10.20.30.40/hook"), 1);
            sender.run(delivery("http://169.254.169.254/latest/meta-data/"), 1);
            sender.run(delivery("http://[fd12::1]/hook"), 1);
        }
        List<RecordStatusWebhookAttempt> all = List.copyOf(reports);
        assertThat(all).extracting(RecordStatusWebhookAttempt::outcome).containsOnly(WebhookAttemptOutcome.ABANDONED);
        assertThat(all).extracting(RecordStatusWebhookAttempt::error).allMatch(e -> e.startsWith("Refused: "));
    }

    @Test
    void privateAddressesPassWhenTheOperatorAllowsThem() {
        WebhookProperties s = new WebhookProperties(3, Duration.ofSeconds(10), Duration.ofSeconds(60),
                Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(30), 2, true, false, List.of(), List.of());
        AddressGuardCheck.assertAllowed(HttpWebhookSender.guardFor(s), "10.20.30.40", "192.168.1.1");
        AddressGuardCheck.assertRefused(HttpWebhookSender.guardFor(s), "169.254.169.254", "127.0.0.1");
    }

    @Test
    void anAttemptRunsOffTheCallersThread() throws Exception {
        BlockingQueue<Thread> reportedOn = new LinkedBlockingQueue<>();
        try (HttpWebhookSender sender = sender(settings(3, true), r -> {
            reportedOn.add(Thread.currentThread());
            reports.add(r);
        })) {
            sender.attempt(delivery(url("/hook")), 1);
            RecordStatusWebhookAttempt report = reports.poll(30, TimeUnit.SECONDS);
            assertThat(report).isNotNull();
            assertThat(report.outcome()).isEqualTo(WebhookAttemptOutcome.DELIVERED);
            assertThat(reportedOn.poll()).isNotSameAs(Thread.currentThread());
            // The busy mark is cleared after the report (so a watch never re-sends a delivered attempt).
            await().atMost(Duration.ofSeconds(10)).until(() -> !sender.busy("d1"));
        }
    }

    static final class AddressGuardCheck {
        static void assertAllowed(dev.hangar.saga.workspace.AddressGuard guard, String... addresses) {
            for (String a : addresses) {
                assertThat(guard.refusal(address(a))).as(a).isEmpty();
            }
        }

        static void assertRefused(dev.hangar.saga.workspace.AddressGuard guard, String... addresses) {
            for (String a : addresses) {
                assertThat(guard.refusal(address(a))).as(a).isPresent();
            }
        }

        static java.net.InetAddress address(String a) {
            try {
                return java.net.InetAddress.getByName(a);
            } catch (java.net.UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
