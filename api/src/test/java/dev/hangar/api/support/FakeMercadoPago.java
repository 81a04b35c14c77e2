package dev.hangar.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real HTTP server in the test JVM that answers as Mercado Pago's documented REST API does:
 * {@code POST /checkout/preferences} (201 with id, init_point, sandbox_init_point) and
 * {@code GET /v1/payments/{id}} (200 with status, transaction_amount, currency_id,
 * external_reference; 404 for an unknown id), both refusing a missing or wrong Bearer token.
 */
public final class FakeMercadoPago implements AutoCloseable {

    public static final String ACCESS_TOKEN = "APP_USR-test-token-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    public record PreferenceCall(JsonNode body, String authorization, String idempotencyKey) {
    }

    private final HttpServer server;
    private final List<PreferenceCall> preferences = new CopyOnWriteArrayList<>();
    private final Map<String, ObjectNode> payments = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1_310_000_000L + (System.nanoTime() % 1_000_000));
    private volatile boolean paymentsDown;

    private volatile boolean refusingPreferences;

    public FakeMercadoPago() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/checkout/preferences", this::preferences);
        server.createContext("/v1/payments/", this::payment);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<PreferenceCall> preferenceCalls() {
        return preferences;
    }

    /** A payment as the provider would hold it after the buyer paid; answers its id. */
    public String addPayment(String status, String amount, String currency, String externalReference) {
        String id = String.valueOf(nextId.incrementAndGet());
        ObjectNode p = JSON.createObjectNode();
        p.put("id", Long.parseLong(id));
        p.put("status", status);
        p.put("status_detail", status.equals("approved") ? "accredited" : status.equals("pending")
                ? "pending_waiting_payment" : "cc_rejected_other_reason");
        p.put("transaction_amount", new BigDecimal(amount));
        p.put("currency_id", currency);
        p.put("external_reference", externalReference);
        p.put("date_created", Instant.now().toString());
        p.put("live_mode", false);
        payments.put(id, p);
        return id;
    }

    /** While true, a new preference is refused as the provider refuses a bad one (400 with its cause). */
    public void refusePreferences(boolean refuse) {
        refusingPreferences = refuse;
    }

    public void paymentsDown(boolean down) {
        paymentsDown = down;
    }

    public int fetchesOf(String paymentId) {
        AtomicInteger n = fetches.get(paymentId);
        return n == null ? 0 : n.get();
    }

    private void preferences(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            answer(exchange, 405, "{\"message\":\"method not allowed\"}");
            return;
        }
        if (!authorized(exchange)) {
            return;
        }
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        if (refusingPreferences) {
            answer(exchange, 400, "{\"message\":\"invalid items.unit_price\",\"error\":\"bad_request\",\"status\":400,"
                    + "\"cause\":[{\"code\":\"invalid_items\",\"description\":\"invalid items.unit_price\"}]}");
            return;
        }
        preferences.add(new PreferenceCall(body, exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("X-Idempotency-Key")));
        String id = "123456789-" + UUID.randomUUID();
        ObjectNode answer = JSON.createObjectNode();
        answer.put("id", id);
        answer.put("collector_id", 123456789);
        answer.set("items", body.path("items"));
        answer.put("external_reference", body.path("external_reference").asText());
        answer.put("init_point", "https://www.mercadopago.com.ar/checkout/v1/redirect?pref_id=" + id);
        answer.put("sandbox_init_point", "https://sandbox.mercadopago.com.ar/checkout/v1/redirect?pref_id=" + id);
        answer.put("date_created", Instant.now().toString());
        answer(exchange, 201, answer.toString());
    }

    private void payment(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring("/v1/payments/".length());
        fetches.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        if (!authorized(exchange)) {
            return;
        }
        if (paymentsDown) {
            answer(exchange, 503, "{\"message\":\"service unavailable\",\"status\":503}");
            return;
        }
        ObjectNode payment = payments.get(id);
        if (payment == null) {
            answer(exchange, 404, "{\"message\":\"Payment not found\",\"error\":\"not_found\",\"status\":404,"
                    + "\"cause\":[{\"code\":2000,\"description\":\"Payment not found\"}]}");
            return;
        }
        answer(exchange, 200, payment.toString());
    }

    private boolean authorized(HttpExchange exchange) throws IOException {
        if (!("Bearer " + ACCESS_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{\"message\":\"invalid access token\",\"error\":\"unauthorized\",\"status\":401}");
            return false;
        }
        return true;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
