package dev.hangar.api.payments;

import static dev.hangar.api.support.PaymentSupport.assertDatabasesError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hangar.api.support.HangarClient;
import dev.hangar.api.support.HangarHttpTest;
import dev.hangar.api.support.RunningHangar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** No provider configured: no payments, a clear 503; a provider half configured: no start. */
@HangarHttpTest
class PaymentsUnconfiguredHttpTest {

    @LocalServerPort
    int port;

    @Test
    void withoutAProviderBothEndpointsAnswer503() {
        HangarClient client = new HangarClient(port);
        assertDatabasesError(client.post("/api/payments/create-preference", Map.of("planId", 2),
                client.newPlatformUser().token()), 503, "PAYMENTS_UNAVAILABLE", "/api/payments/create-preference");
        assertDatabasesError(client.post("/api/payments/webhook?data.id=1&type=payment", "{}"), 503,
                "PAYMENTS_UNAVAILABLE", "/api/payments/webhook");
        assertThat(client.get("/health").body().path("services").path("paymentProvider").asText()).isEqualTo("disabled");
    }

    @Test
    void mercadoPagoWithoutItsSecretsStopsStartUpNamingWhatIsMissing() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "payments-misconfigured-");
        assertThatThrownBy(() -> RunningHangar.start(dir, "hangar.payments.provider=mercadopago").close())
                .hasStackTraceContaining("HANGAR_PAYMENTS_PROVIDER=mercadopago needs HANGAR_MERCADOPAGO_ACCESS_TOKEN, "
                        + "HANGAR_MERCADOPAGO_WEBHOOK_SECRET, HANGAR_PUBLIC_URL");
        assertThatThrownBy(() -> RunningHangar.start(dir, "hangar.payments.provider=paypal").close())
                .hasStackTraceContaining("HANGAR_PAYMENTS_PROVIDER must be mercadopago or sandbox");
        assertThat(dir).exists();
    }
}
