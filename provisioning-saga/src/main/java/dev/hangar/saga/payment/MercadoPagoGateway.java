package dev.hangar.saga.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mercado Pago's REST API: {@code POST /checkout/preferences} and {@code GET /v1/payments/{id}}
 * with the access token as a Bearer header. Each call has a connect and a request time-out and
 * is tried at most {@code attempts} times on a network error, 429 or 5xx; the preference POST
 * carries {@code X-Idempotency-Key} (Hangar's payment id), so a retry cannot open a second one.
 */
public class MercadoPagoGateway implements PaymentGateway {

    private static final Logger log = LoggerFactory.getLogger(MercadoPagoGateway.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String baseUrl;
    private final String accessToken;
    private final String publicUrl;
    private final Duration requestTimeout;
    private final int attempts;

    public MercadoPagoGateway(String baseUrl, String accessToken, String publicUrl, Duration connectTimeout,
                              Duration requestTimeout, int attempts) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        this.baseUrl = stripSlash(baseUrl);
        this.accessToken = accessToken;
        this.publicUrl = stripSlash(publicUrl);
        this.requestTimeout = requestTimeout;
        this.attempts = Math.max(1, attempts);
    }

    @Override
    public Preference createPreference(PreferenceRequest request) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode item = body.putArray("items").addObject();
        item.put("id", request.paymentId());
        item.put("title", request.title());
        item.put("quantity", 1);
        item.put("currency_id", request.currency());
        item.put("unit_price", request.amount());
        body.put("external_reference", request.paymentId());
        body.put("notification_url", publicUrl + "/api/payments/webhook");
        ObjectNode back = body.putObject("back_urls");
        back.put("success", publicUrl + "/payments/return?status=success");
        back.put("failure", publicUrl + "/payments/return?status=failure");
        back.put("pending", publicUrl + "/payments/return?status=pending");
        body.put("expires", true);
        body.put("expiration_date_to", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                request.expiresAt().truncatedTo(ChronoUnit.MILLIS).atOffset(java.time.ZoneOffset.UTC)));
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(baseUrl + "/checkout/preferences"))
                .header("Content-Type", "application/json")
                .header("X-Idempotency-Key", request.paymentId())
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        JsonNode answer = send(post, "create preference");
        String id = answer.path("id").asText(null);
        if (id == null) {
            throw new PaymentProviderException("Mercado Pago answered a preference without an id", false);
        }
        return new Preference(id, answer.path("init_point").asText(null), answer.path("sandbox_init_point").asText(null));
    }

    @Override
    public ProviderPayment fetchPayment(String providerPaymentId) {
        HttpRequest.Builder get = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/payments/"
                + URLEncoder.encode(providerPaymentId, StandardCharsets.UTF_8))).GET();
        JsonNode p = send(get, "fetch payment " + providerPaymentId);
        JsonNode amount = p.path("transaction_amount");
        return new ProviderPayment(p.path("id").asText(providerPaymentId), p.path("status").asText(null),
                amount.isNumber() || amount.isTextual() ? new BigDecimal(amount.asText()) : null,
                p.path("currency_id").asText(null), p.path("external_reference").asText(null));
    }

    private JsonNode send(HttpRequest.Builder request, String what) {
        HttpRequest built = request.timeout(requestTimeout).header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json").build();
        PaymentProviderException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return JSON.readTree(response.body());
                }
                if (status == 404) {
                    throw new PaymentProviderException("Mercado Pago: " + what + ": not found", true);
                }
                last = new PaymentProviderException("Mercado Pago: " + what + ": HTTP " + status, false);
                if (status != 429 && status < 500) {
                    throw last;
                }
            } catch (IOException e) {
                last = new PaymentProviderException("Mercado Pago: " + what + ": " + e.getClass().getSimpleName(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PaymentProviderException("Mercado Pago: " + what + ": interrupted", e);
            }
            if (attempt < attempts) {
                log.debug("{} (attempt {} of {}), retrying", last.getMessage(), attempt, attempts);
                pause(200L << (attempt - 1));
            }
        }
        throw last;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String stripSlash(String url) {
        return url != null && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        return "MercadoPagoGateway[" + baseUrl + ", token=***]";
    }
}
