package dev.hangar.api.payments;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.saga.payment.PaymentGateway;
import dev.hangar.saga.payment.PreferenceRequest;
import dev.hangar.saga.payment.ProviderPayment;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The sandbox provider's checkout page and the buyer's return page. Approving or rejecting sends
 * Hangar's webhook a notification signed exactly as Mercado Pago signs one, so it takes the same
 * verification path; the payment is then read back through the gateway like a real one.
 */
@Hidden
@RestController
class SandboxCheckoutController {

    private final PaymentGateway gateway;
    private final WebhookVerifier verifier;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    SandboxCheckoutController(PaymentGateway gateway, WebhookVerifier verifier, ObjectMapper json) {
        this.gateway = gateway;
        this.verifier = verifier;
        this.json = json;
    }

    @GetMapping(value = "/sandbox/checkout/{preferenceId}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String preferenceId) {
        if (!(gateway instanceof SandboxGateway sandbox)) {
            return html(HttpStatus.NOT_FOUND, "Not found", "<p>The sandbox provider is not enabled.</p>");
        }
        return sandbox.preference(preferenceId).map(p -> html(HttpStatus.OK, "Sandbox checkout",
                "<p>" + escape(p.title()) + ": <strong>" + p.amount().toPlainString() + " " + escape(p.currency())
                        + "</strong></p>"
                        + form(preferenceId, "approve", "Approve the payment")
                        + form(preferenceId, "reject", "Reject the payment")))
                .orElseGet(() -> html(HttpStatus.NOT_FOUND, "Not found", "<p>No such checkout.</p>"));
    }

    @PostMapping(value = "/sandbox/checkout/{preferenceId}/{decision}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> decide(@PathVariable String preferenceId, @PathVariable String decision) {
        if (!(gateway instanceof SandboxGateway sandbox) || sandbox.preference(preferenceId).isEmpty()
                || !(decision.equals("approve") || decision.equals("reject"))) {
            return html(HttpStatus.NOT_FOUND, "Not found", "<p>No such checkout.</p>");
        }
        ProviderPayment payment = sandbox.pay(preferenceId, decision.equals("approve"));
        int status = notifyHangar(sandbox, payment);
        return html(HttpStatus.OK, "Payment " + payment.status(), "<p>Payment <code>" + payment.id() + "</code> "
                + payment.status() + ". Hangar was notified (HTTP " + status + ").</p>"
                + "<p><a href=\"/payments/return?status=" + payment.status() + "\">Back to Hangar</a></p>");
    }

    @GetMapping(value = "/payments/return", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> returned(@RequestParam(defaultValue = "unknown") String status) {
        return html(HttpStatus.OK, "Payment " + escape(status), "<p>Your plan changes as soon as the payment is"
                + " confirmed; see <code>GET /api/plans/current</code>.</p>");
    }

    private int notifyHangar(SandboxGateway sandbox, ProviderPayment payment) {
        String requestId = UUID.randomUUID().toString();
        String ts = String.valueOf(Instant.now().toEpochMilli());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", "payment.created");
        body.put("api_version", "v1");
        body.put("data", Map.of("id", payment.id()));
        body.put("date_created", Instant.now().toString());
        body.put("live_mode", false);
        body.put("type", "payment");
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.publicUrl() + "/api/payments/webhook?data.id="
                            + payment.id() + "&type=payment"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("x-request-id", requestId)
                    .header("x-signature", verifier.sign(payment.id(), requestId, ts))
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static String form(String preferenceId, String decision, String label) {
        return "<form method=\"post\" action=\"/sandbox/checkout/" + escape(preferenceId) + "/" + decision
                + "\"><button type=\"submit\" name=\"decision\" value=\"" + decision + "\">" + label
                + "</button></form>";
    }

    private static ResponseEntity<String> html(HttpStatus status, String title, String body) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body("<!doctype html><html><head>"
                + "<meta charset=\"utf-8\"><title>" + escape(title) + "</title></head><body><h1>" + escape(title)
                + "</h1>" + body + "</body></html>");
    }

    private static String escape(String s) {
        return HtmlUtils.htmlEscape(s == null ? "" : s);
    }
}
