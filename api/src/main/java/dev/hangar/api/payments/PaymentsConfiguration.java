package dev.hangar.api.payments;

import dev.hangar.kernel.common.HangarException;
import dev.hangar.kernel.payment.WebhookSignature;
import dev.hangar.saga.payment.MercadoPagoGateway;
import dev.hangar.saga.payment.PaymentGateway;
import dev.hangar.saga.payment.PaymentSettings;
import dev.hangar.saga.payment.PreferenceRequest;
import dev.hangar.saga.payment.ProviderPayment;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Picks the payment provider. A provider named but not fully configured stops start-up with the
 * variables it is missing; none named leaves payments off.
 */
@Configuration(proxyBeanMethods = false)
public class PaymentsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PaymentsConfiguration.class);

    /** The sandbox needs no settings: its secret is generated per run, its public URL is this server. */
    @Bean
    WebhookVerifier webhookVerifier(PaymentProperties properties) {
        requireComplete(properties);
        String secret = switch (provider(properties)) {
            case "mercadopago" -> properties.mercadopago().webhookSecret();
            case "sandbox" -> blank(properties.mercadopago().webhookSecret()) ? randomSecret()
                    : properties.mercadopago().webhookSecret();
            default -> null;
        };
        return new WebhookVerifier(secret == null ? null : new WebhookSignature(secret, properties.signatureTolerance()),
                Clock.systemUTC());
    }

    @Bean
    PaymentGateway paymentGateway(PaymentProperties properties, ObjectProvider<WebServerApplicationContext> web) {
        requireComplete(properties);
        switch (provider(properties)) {
            case "mercadopago" -> {
                PaymentProperties.MercadoPago mp = properties.mercadopago();
                log.info("Payments through Mercado Pago at {}", mp.baseUrl());
                return new MercadoPagoGateway(mp.baseUrl(), mp.accessToken(), properties.publicUrl(), mp.connectTimeout(),
                        mp.requestTimeout(), mp.attempts());
            }
            case "sandbox" -> {
                log.info("Payments through the sandbox provider: checkouts are approved on Hangar's own page");
                return new SandboxGateway(() -> blank(properties.publicUrl())
                        ? "http://localhost:" + web.getObject().getWebServer().getPort() : properties.publicUrl());
            }
            case "" -> {
                log.info("No payment provider configured (HANGAR_PAYMENTS_PROVIDER): payments are off");
                return new Unconfigured();
            }
            default -> throw new IllegalStateException("HANGAR_PAYMENTS_PROVIDER must be mercadopago or sandbox, not '"
                    + properties.provider() + "'");
        }
    }

    @Bean
    PaymentSettings paymentSettings(PaymentProperties properties) {
        return new PaymentSettings(properties.expiry(), properties.checkRetryDelay(), properties.checkAttempts());
    }

    private static void requireComplete(PaymentProperties properties) {
        String provider = provider(properties);
        if (!provider.isEmpty() && !provider.equals("mercadopago") && !provider.equals("sandbox")) {
            throw new IllegalStateException("HANGAR_PAYMENTS_PROVIDER must be mercadopago or sandbox, not '"
                    + properties.provider() + "'");
        }
        if (!provider.equals("mercadopago")) {
            return;
        }
        PaymentProperties.MercadoPago mp = properties.mercadopago();
        List<String> missing = new ArrayList<>();
        if (blank(mp.baseUrl())) {
            missing.add("HANGAR_MERCADOPAGO_BASE_URL");
        }
        if (blank(mp.accessToken())) {
            missing.add("HANGAR_MERCADOPAGO_ACCESS_TOKEN");
        }
        if (blank(mp.webhookSecret())) {
            missing.add("HANGAR_MERCADOPAGO_WEBHOOK_SECRET");
        }
        if (blank(properties.publicUrl())) {
            missing.add("HANGAR_PUBLIC_URL");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("HANGAR_PAYMENTS_PROVIDER=mercadopago needs " + String.join(", ", missing)
                    + " to be set");
        }
    }

    private static String provider(PaymentProperties properties) {
        return properties.enabled() ? properties.provider().trim().toLowerCase(Locale.ROOT) : "";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Payments off: nothing reaches a provider. */
    static final class Unconfigured implements PaymentGateway {
        @Override
        public Preference createPreference(PreferenceRequest request) {
            throw unavailable();
        }

        @Override
        public ProviderPayment fetchPayment(String providerPaymentId) {
            throw unavailable();
        }

        static HangarException unavailable() {
            return new HangarException(HangarException.Kind.UNAVAILABLE, "PAYMENTS_UNAVAILABLE",
                    "Payments are not configured on this Hangar (HANGAR_PAYMENTS_PROVIDER)");
        }
    }
}
