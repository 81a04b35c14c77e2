package dev.hangar.api.durability;

import static dev.hangar.api.support.PaymentSupport.await;
import static dev.hangar.api.support.PaymentSupport.events;
import static dev.hangar.api.support.PaymentSupport.notifySigned;
import static dev.hangar.api.support.PaymentSupport.planOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.api.support.FakeMercadoPago;
import dev.hangar.api.support.HangarClient.Response;
import dev.hangar.api.support.HangarClient.User;
import dev.hangar.api.support.PaymentSupport;
import dev.hangar.api.support.RunningHangar;
import dev.hangar.kernel.subscription.SubscriptionIds;
import dev.hangar.saga.payment.PaymentConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** A Hangar that stops between an acknowledged webhook and the upgrade still upgrades, once. */
class PaymentRestartTest {

    Path dataDir;
    FakeMercadoPago mercadoPago;

    @BeforeEach
    void start() throws Exception {
        dataDir = Files.createTempDirectory(Path.of("target"), "payment-restart-");
        mercadoPago = new FakeMercadoPago();
    }

    @AfterEach
    void stop() {
        mercadoPago.close();
    }

    private RunningHangar hangar() {
        List<String> settings = new ArrayList<>(List.of(PaymentSupport.mercadoPagoSettings(mercadoPago)));
        settings.add("hangar.payments.check-attempts=1000");
        return RunningHangar.start(dataDir, settings.toArray(String[]::new));
    }

    private static String checkout(RunningHangar hangar, FakeMercadoPago mercadoPago, User user) {
        Response r = hangar.client.post("/api/payments/create-preference", Map.of("planId", 2), user.token());
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        List<FakeMercadoPago.PreferenceCall> calls = mercadoPago.preferenceCalls();
        return calls.get(calls.size() - 1).body().path("external_reference").asText();
    }

    @Test
    void aStopBeforeTheCheckStartedStillUpgradesAfterTheRestart() {
        User user;
        try (RunningHangar hangar = hangar()) {
            user = hangar.client.newPlatformUser();
            String paymentId = checkout(hangar, mercadoPago, user);
            String mpId = mercadoPago.addPayment("approved", "19.99", "USD", paymentId);
            // the process dies after acknowledging the notification, before the check saga saw it
            hangar.bean(EventProcessingConfiguration.class).eventProcessor(PaymentConfiguration.CHECK_SAGA_PROCESSOR)
                    .orElseThrow().shutDown();
            assertThat(notifySigned(hangar.port(), mpId)).isEqualTo(200);
            assertThat(mercadoPago.fetchesOf(mpId)).isZero();
            assertThat(planOf(hangar.client, user.token())).isEqualTo("FREE");
        }
        try (RunningHangar hangar = hangar()) {
            await("the upgrade after the restart", () -> planOf(hangar.client, user.token()).equals("STANDARD"));
            assertThat(events(hangar.bean(JdbcTemplate.class), SubscriptionIds.forUser(user.id()),
                    "dev.hangar.kernel.subscription.PlanChanged")).isEqualTo(1);
        }
    }

    @Test
    void aStopWhileTheProviderCannotBeReadStillUpgradesAfterTheRestart() {
        User user;
        try (RunningHangar hangar = hangar()) {
            user = hangar.client.newPlatformUser();
            String paymentId = checkout(hangar, mercadoPago, user);
            String mpId = mercadoPago.addPayment("approved", "19.99", "USD", paymentId);
            mercadoPago.paymentsDown(true);
            assertThat(notifySigned(hangar.port(), mpId)).isEqualTo(200);
            // the check is under way (and failing): its retry is a deadline, kept across the restart
            await("a first check", () -> mercadoPago.fetchesOf(mpId) >= 1);
            assertThat(planOf(hangar.client, user.token())).isEqualTo("FREE");
        }
        mercadoPago.paymentsDown(false);
        try (RunningHangar hangar = hangar()) {
            await("the upgrade after the restart", () -> planOf(hangar.client, user.token()).equals("STANDARD"));
            assertThat(events(hangar.bean(JdbcTemplate.class), SubscriptionIds.forUser(user.id()),
                    "dev.hangar.kernel.subscription.PlanChanged")).isEqualTo(1);
        }
    }
}
