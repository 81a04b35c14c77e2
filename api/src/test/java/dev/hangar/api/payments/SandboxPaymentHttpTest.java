package dev.hangar.api.payments;

import static dev.hangar.api.support.PaymentSupport.await;
import static dev.hangar.api.support.PaymentSupport.planOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.api.support.HangarClient;
import dev.hangar.api.support.HangarClient.Response;
import dev.hangar.api.support.HangarClient.User;
import dev.hangar.api.support.PaymentSupport;
import dev.hangar.api.support.RunningHangar;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sandbox provider end to end, as a buyer would go through it: the checkout page, a click,
 * the signed notification it sends, Hangar's check of the payment, the upgrade.
 */
class SandboxPaymentHttpTest {

    static RunningHangar hangar;
    static HangarClient client;

    @BeforeAll
    static void start() throws Exception {
        hangar = RunningHangar.start(Files.createTempDirectory(Path.of("target"), "sandbox-"),
                "hangar.payments.provider=sandbox");
        client = hangar.client;
    }

    @AfterAll
    static void stop() {
        hangar.close();
    }

    private static String checkoutPage(User user, int planId) {
        Response r = client.post("/api/payments/create-preference", Map.of("planId", planId), user.token());
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.text("preferenceId")).startsWith("sandbox-");
        assertThat(r.text("sandboxInitPoint")).isEqualTo(r.text("initPoint"));
        return URI.create(r.text("initPoint")).getPath();
    }

    @Test
    void approvingOnTheSandboxPageUpgradesThePlan() {
        User user = client.newPlatformUser();
        String page = checkoutPage(user, 2);

        assertThat(client.get("/health").body().path("services").path("paymentProvider").asText()).isEqualTo("up");
        Response shown = client.get(page);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.raw()).contains("19.99 USD").contains("/approve").contains("/reject");

        Response approved = client.post(page + "/approve", null);
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.raw()).contains("approved").contains("HTTP 200");

        await("the upgrade", () -> planOf(client, user.token()).equals("STANDARD"));
        assertThat(client.get("/api/plans/current", user.token()).body().path("plan").path("maxInstances").asInt())
                .isEqualTo(5);

        // what the user paid for: a third database, past FREE's two (STANDARD asks for a name)
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 1; i <= 3; i++) {
                Response db = client.post("/api/databases", Map.of("engine", "Redis", "databaseName", "paid_" + i),
                        user.token());
                assertThat(db.status()).as(db.raw()).isEqualTo(201);
                ids.add(db.text("id"));
            }
        } finally {
            ids.forEach(id -> client.delete("/api/databases/" + id, user.token()));
        }
    }

    @Test
    void rejectingOnTheSandboxPageChangesNothingAndLeavesTheCheckoutOpen() {
        User user = client.newPlatformUser();
        String page = checkoutPage(user, 3);

        Response rejected = client.post(page + "/reject", null);
        assertThat(rejected.raw()).contains("rejected").contains("HTTP 200");
        JdbcTemplate jdbc = hangar.bean(JdbcTemplate.class);
        await("the rejection recorded", () -> PaymentSupport.eventsOfType(jdbc,
                "dev.hangar.kernel.payment.PaymentRejected") >= 1);
        assertThat(planOf(client, user.token())).isEqualTo("FREE");

        client.post(page + "/approve", null);
        await("the upgrade", () -> planOf(client, user.token()).equals("PREMIUM"));
    }

    @Test
    void anUnknownCheckoutPageIsNotFound() {
        assertThat(client.get("/sandbox/checkout/sandbox-nope").status()).isEqualTo(404);
    }
}
