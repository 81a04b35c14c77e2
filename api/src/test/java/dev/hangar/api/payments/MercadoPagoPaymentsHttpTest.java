package dev.hangar.api.payments;

import static dev.hangar.api.support.PaymentSupport.assertDatabasesError;
import static dev.hangar.api.support.PaymentSupport.await;
import static dev.hangar.api.support.PaymentSupport.events;
import static dev.hangar.api.support.PaymentSupport.sendNotification;
import static dev.hangar.api.support.PaymentSupport.notifySigned;
import static dev.hangar.api.support.PaymentSupport.planOf;
import static dev.hangar.api.support.PaymentSupport.sign;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hangar.api.support.FakeMercadoPago;
import dev.hangar.api.support.HangarClient;
import dev.hangar.api.support.HangarClient.Response;
import dev.hangar.api.support.HangarClient.User;
import dev.hangar.api.support.PaymentSupport;
import dev.hangar.api.support.RunningHangar;
import dev.hangar.kernel.payment.RecordPaymentNotification;
import dev.hangar.kernel.subscription.ReserveInstanceSlot;
import dev.hangar.kernel.subscription.SubscriptionIds;
import dev.hangar.saga.payment.PaymentConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hangar paying through its Mercado Pago adapter, over real HTTP, against a server in the test
 * JVM that answers as Mercado Pago's REST API does.
 */
class MercadoPagoPaymentsHttpTest {

    static final String REQUESTED = "select count(*) from domainevententry where payloadtype like '%PaymentRequested'";

    static FakeMercadoPago mercadoPago;
    static RunningHangar hangar;
    static HangarClient client;
    static JdbcTemplate jdbc;

    @BeforeAll
    static void start() throws Exception {
        mercadoPago = new FakeMercadoPago();
        hangar = RunningHangar.start(Files.createTempDirectory(Path.of("target"), "payments-"),
                PaymentSupport.mercadoPagoSettings(mercadoPago));
        client = hangar.client;
        jdbc = hangar.bean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        hangar.close();
        mercadoPago.close();
    }

    /** Opens a checkout for STANDARD and answers Hangar's payment id (the preference's external_reference). */
    static String checkout(User user) {
        int before = mercadoPago.preferenceCalls().size();
        Response r = client.post("/api/payments/create-preference", Map.of("planId", 2), user.token());
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return mercadoPago.preferenceCalls().get(before).body().path("external_reference").asText();
    }

    @Test
    void createPreferenceRecordsThePlansPriceAtTheProvider() {
        User user = client.newPlatformUser();
        Response r = client.post("/api/payments/create-preference", Map.of("planId", 3), user.token());

        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.text("preferenceId")).startsWith("123456789-");
        assertThat(r.text("initPoint")).contains("pref_id=" + r.text("preferenceId"));
        assertThat(r.text("sandboxInitPoint")).contains("sandbox").contains(r.text("preferenceId"));
        FakeMercadoPago.PreferenceCall call = mercadoPago.preferenceCalls()
                .get(mercadoPago.preferenceCalls().size() - 1);
        JsonNode item = call.body().path("items").get(0);
        assertThat(item.path("unit_price").decimalValue()).isEqualByComparingTo("49.99");
        assertThat(item.path("currency_id").asText()).isEqualTo("USD");
        assertThat(item.path("quantity").asInt()).isEqualTo(1);
        assertThat(item.path("title").asText()).contains("PREMIUM");
        assertThat(call.authorization()).isEqualTo("Bearer " + FakeMercadoPago.ACCESS_TOKEN);
        String paymentId = call.body().path("external_reference").asText();
        assertThat(call.idempotencyKey()).isEqualTo(paymentId);
        assertThat(call.body().path("notification_url").asText()).isEqualTo("https://hangar.example.test/api/payments/webhook");
        assertThat(call.body().path("back_urls").path("success").asText()).startsWith("https://hangar.example.test/");
        // PaymentRequested records who, which plan and what amount
        String payload = jdbc.queryForObject("select payload from domainevententry where aggregateidentifier = ?",
                (rs, i) -> new String(rs.getBytes(1), java.nio.charset.StandardCharsets.UTF_8), paymentId);
        assertThat(payload).contains(user.id()).contains("PREMIUM").contains("49.99").contains(r.text("preferenceId"));
    }

    @Test
    void aCheckoutTheProviderRefusesAnswersPaymentFailedAndRecordsNothing() {
        User user = client.newPlatformUser();
        Integer requestedBefore = jdbc.queryForObject(REQUESTED, Integer.class);
        mercadoPago.refusePreferences(true);
        try {
            Response r = client.post("/api/payments/create-preference", Map.of("planId", 2), user.token());
            assertThat(r.status()).as(r.raw()).isEqualTo(402);
            assertThat(r.text("error")).isEqualTo("PAYMENT_FAILED");
            assertThat(r.text("path")).isEqualTo("/api/payments/create-preference");
        } finally {
            mercadoPago.refusePreferences(false);
        }
        assertThat(jdbc.queryForObject(REQUESTED, Integer.class)).isEqualTo(requestedBefore);
    }

    @Test
    void createPreferenceRefusesMissingUnknownAndNotHigherPlans() {
        User user = client.newPlatformUser();
        assertDatabasesError(client.post("/api/payments/create-preference", Map.of(), user.token()), 400,
                "VALIDATION_ERROR", "/api/payments/create-preference");
        assertDatabasesError(client.post("/api/payments/create-preference", Map.of("planId", 9), user.token()), 404,
                "PLAN_NOT_FOUND", "/api/payments/create-preference");
        assertDatabasesError(client.post("/api/payments/create-preference", Map.of("planId", 1), user.token()), 400,
                "VALIDATION_ERROR", "/api/payments/create-preference");
        assertDatabasesError(client.post("/api/payments/create-preference", Map.of("planId", 2)), 401,
                "UNAUTHORIZED", "/api/payments/create-preference");
    }

    @Test
    void anApprovedPaymentUpgradesExactlyOnceUnderRepeatsAndARaceOfTen() throws Exception {
        User user = client.newPlatformUser();
        String paymentId = checkout(user);
        String mpId = mercadoPago.addPayment("approved", "19.99", "USD", paymentId);

        assertThat(notifySigned(hangar.port(), mpId)).isEqualTo(200);
        assertThat(notifySigned(hangar.port(), mpId)).isEqualTo(200);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> racers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            racers.add(pool.submit(() -> {
                go.await();
                return notifySigned(hangar.port(), mpId);
            }));
        }
        go.countDown();
        for (Future<Integer> racer : racers) {
            assertThat(racer.get()).isIn(200, 409); // 409: another node's commit won; Mercado Pago retries
        }
        pool.shutdown();

        await("the upgrade", () -> planOf(client, user.token()).equals("STANDARD"));
        Long lastNotification = jdbc.queryForObject("select max(globalindex) from domainevententry where "
                + "aggregateidentifier = ? and payloadtype = ?", Long.class, RecordPaymentNotification.streamOf(mpId),
                "dev.hangar.kernel.payment.PaymentNotificationReceived");
        // every notification taken has started its check, and every check has ended: only then is "once" shown
        await("every notification checked", () -> checkSagasPast(lastNotification) && !hasActiveCheck(mpId));
        String subscription = SubscriptionIds.forUser(user.id());
        assertThat(events(jdbc, subscription, "dev.hangar.kernel.subscription.PlanChanged")).isEqualTo(1);
        assertThat(events(jdbc, paymentId, "dev.hangar.kernel.payment.PaymentConfirmed")).isEqualTo(1);
        assertThat(mercadoPago.fetchesOf(mpId)).isGreaterThanOrEqualTo(1);

        Response current = client.get("/api/plans/current", user.token());
        assertThat(current.body().path("plan").path("maxInstances").asInt()).isEqualTo(5);
        // the plan limit follows at once: a third slot (FREE stops at two) is granted on STANDARD
        CommandGateway commands = hangar.bean(CommandGateway.class);
        for (int i = 0; i < 3; i++) {
            commands.sendAndWait(new ReserveInstanceSlot(subscription, UUID.randomUUID().toString()));
        }
        assertThat(events(jdbc, subscription, "dev.hangar.kernel.subscription.InstanceSlotReserved")).isEqualTo(3);
    }

    @Test
    void pendingRejectedAndMismatchedPaymentsAreRecordedAndChangeNoPlan() {
        User user = client.newPlatformUser();
        String paymentId = checkout(user);
        String pending = mercadoPago.addPayment("pending", "19.99", "USD", paymentId);
        String rejected = mercadoPago.addPayment("rejected", "19.99", "USD", paymentId);
        String cheap = mercadoPago.addPayment("approved", "0.99", "USD", paymentId);
        String otherCurrency = mercadoPago.addPayment("approved", "19.99", "BRL", paymentId);

        for (String id : List.of(pending, rejected, cheap, otherCurrency)) {
            assertThat(notifySigned(hangar.port(), id)).isEqualTo(200);
        }

        await("the pending payment recorded", () -> events(jdbc, paymentId, "dev.hangar.kernel.payment.PaymentPending") == 1);
        await("three rejections recorded", () -> events(jdbc, paymentId, "dev.hangar.kernel.payment.PaymentRejected") == 3);
        assertThat(planOf(client, user.token())).isEqualTo("FREE");
        assertThat(events(jdbc, paymentId, "dev.hangar.kernel.payment.PaymentConfirmed")).isZero();

        // the buyer tries again on the same checkout, and pays
        String approved = mercadoPago.addPayment("approved", "19.99", "USD", paymentId);
        assertThat(notifySigned(hangar.port(), approved)).isEqualTo(200);
        await("the upgrade", () -> planOf(client, user.token()).equals("STANDARD"));
    }

    @Test
    void forgedTamperedStaleAndUnsignedNotificationsChangeNothing() throws Exception {
        User user = client.newPlatformUser();
        String paymentId = checkout(user);
        String mpId = mercadoPago.addPayment("approved", "19.99", "USD", paymentId);
        String requestId = UUID.randomUUID().toString();
        String now = String.valueOf(Instant.now().toEpochMilli());
        int port = hangar.port();

        // unsigned
        assertThat(sendNotification(port, mpId, Map.of("x-request-id", requestId))).isEqualTo(401);
        // forged: signed with another secret
        assertThat(sendNotification(port, mpId, Map.of("x-request-id", requestId,
                "x-signature", sign("not-the-secret", mpId, requestId, now)))).isEqualTo(403);
        // tampered: a valid signature for another payment id, another request id, another ts
        String otherId = mercadoPago.addPayment("approved", "19.99", "USD", paymentId);
        assertThat(sendNotification(port, mpId, Map.of("x-request-id", requestId,
                "x-signature", sign(PaymentSupport.WEBHOOK_SECRET, otherId, requestId, now)))).isEqualTo(403);
        assertThat(sendNotification(port, mpId, Map.of("x-request-id", "another-request",
                "x-signature", sign(PaymentSupport.WEBHOOK_SECRET, mpId, requestId, now)))).isEqualTo(403);
        String signed = sign(PaymentSupport.WEBHOOK_SECRET, mpId, requestId, now);
        assertThat(sendNotification(port, mpId, Map.of("x-request-id", requestId,
                "x-signature", signed.replace("ts=" + now, "ts=" + (Long.parseLong(now) + 1))))).isEqualTo(403);
        assertThat(sendNotification(port, mpId, Map.of("x-request-id", requestId, "x-signature", "garbage"))).isEqualTo(403);
        // stale: correctly signed, an hour old
        String old = String.valueOf(Instant.now().minusSeconds(3600).toEpochMilli());
        assertThat(sendNotification(port, mpId, Map.of("x-request-id", requestId,
                "x-signature", sign(PaymentSupport.WEBHOOK_SECRET, mpId, requestId, old)))).isEqualTo(403);

        Thread.sleep(1000); // a refusal leaves nothing to wait for: give a wrongly taken one time to show
        assertThat(events(jdbc, RecordPaymentNotification.streamOf(mpId),
                "dev.hangar.kernel.payment.PaymentNotificationReceived")).isZero();
        assertThat(mercadoPago.fetchesOf(mpId)).isZero();
        assertThat(planOf(client, user.token())).isEqualTo("FREE");

        // the same notification, signed properly (ts in seconds this time), is taken
        String seconds = String.valueOf(Instant.now().getEpochSecond());
        assertThat(sendNotification(port, mpId, Map.of("x-request-id", requestId,
                "x-signature", sign(PaymentSupport.WEBHOOK_SECRET, mpId, requestId, seconds)))).isEqualTo(200);
        await("the upgrade", () -> planOf(client, user.token()).equals("STANDARD"));
    }

    @Test
    void theWebhookAnswersInTheDatabasesErrorBody() {
        Response r = client.post("/api/payments/webhook?data.id=1&type=payment", "{}");
        assertDatabasesError(r, 401, "UNAUTHORIZED", "/api/payments/webhook");
    }

    private static boolean checkSagasPast(long globalIndex) {
        StreamingEventProcessor checks = hangar.bean(EventProcessingConfiguration.class)
                .eventProcessor(PaymentConfiguration.CHECK_SAGA_PROCESSOR, StreamingEventProcessor.class).orElseThrow();
        return !checks.processingStatus().isEmpty() && checks.processingStatus().values().stream()
                .allMatch(status -> status.getCurrentPosition().orElse(-1) >= globalIndex);
    }

    private static boolean hasActiveCheck(String mpId) {
        Integer n = jdbc.queryForObject("select count(*) from associationvalueentry where associationkey = "
                + "'providerPaymentId' and associationvalue = ?", Integer.class, mpId);
        return n != null && n > 0;
    }
}
