package dev.hangar.api.databases;

import dev.hangar.api.payments.PaymentProperties;
import dev.hangar.api.payments.WebhookVerifier;
import dev.hangar.api.security.AuthenticatedUser;
import dev.hangar.kernel.common.HangarException;
import dev.hangar.kernel.payment.Checkout;
import dev.hangar.kernel.payment.OpenCheckout;
import dev.hangar.kernel.payment.RecordPaymentNotification;
import dev.hangar.kernel.payment.WebhookSignature;
import dev.hangar.kernel.subscription.FindSubscriptionByUser;
import dev.hangar.kernel.subscription.Plan;
import dev.hangar.kernel.subscription.SubscriptionView;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/payments")
@Tag(name = "Databases: payments")
class PaymentsController {

    record CreatePreferenceRequest(@NotNull Integer planId) {
    }

    record PreferenceResponse(String preferenceId, String initPoint, String sandboxInitPoint) {
    }

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final PaymentProperties payments;
    private final WebhookVerifier verifier;

    PaymentsController(CommandGateway commands, QueryGateway queries, PaymentProperties payments,
                       WebhookVerifier verifier) {
        this.commands = commands;
        this.queries = queries;
        this.payments = payments;
        this.verifier = verifier;
    }

    @PostMapping("/create-preference")
    PreferenceResponse createPreference(@AuthenticationPrincipal AuthenticatedUser me,
                                        @Valid @RequestBody CreatePreferenceRequest body) {
        requireProvider();
        Plan plan = Plan.byId(body.planId()).orElseThrow(() -> HangarException.notFound("PLAN_NOT_FOUND",
                "No plan with id " + body.planId()));
        Plan current = queries.query(new FindSubscriptionByUser(me.userId()), SubscriptionView.class).join().plan();
        if (plan.id() <= current.id()) {
            throw HangarException.validation("You are on " + current.name() + " already; choose a higher plan");
        }
        Checkout checkout = commands.sendAndWait(new OpenCheckout(UUID.randomUUID().toString(), me.userId(), plan));
        return new PreferenceResponse(checkout.preferenceId(), checkout.initPoint(), checkout.sandboxInitPoint());
    }

    /**
     * Public: the signature is checked before anything else, and the body is never read (the
     * payment is fetched from the provider). The notification is stored, then acknowledged.
     */
    @PostMapping("/webhook")
    Map<String, Object> webhook(HttpServletRequest request,
                                @RequestHeader(name = "x-signature", required = false) String signature,
                                @RequestHeader(name = "x-request-id", required = false) String requestId) {
        requireProvider();
        String dataId = queryParameter(request, "data.id");
        switch (verifier.verify(signature, dataId, requestId)) {
            case MISSING -> throw new HangarException(HangarException.Kind.UNAUTHORIZED, "UNAUTHORIZED",
                    "Missing x-signature");
            case INVALID -> throw new HangarException(HangarException.Kind.FORBIDDEN, "INVALID_SIGNATURE",
                    "The x-signature does not match this notification");
            case STALE -> throw new HangarException(HangarException.Kind.FORBIDDEN, "INVALID_SIGNATURE",
                    "The x-signature's timestamp is outside the accepted window");
            case VALID -> { }
        }
        String type = queryParameter(request, "type");
        if (type == null) {
            type = queryParameter(request, "topic");
        }
        if (dataId == null || !"payment".equals(type)) {
            return Map.of("status", "ignored");
        }
        if (!dataId.matches("[A-Za-z0-9_-]{1,64}")) {
            throw HangarException.validation("Invalid data.id");
        }
        commands.sendAndWait(RecordPaymentNotification.of(dataId, requestId));
        return Map.of("status", "received");
    }

    private void requireProvider() {
        if (!payments.enabled()) {
            throw new HangarException(HangarException.Kind.UNAVAILABLE, "PAYMENTS_UNAVAILABLE",
                    "Payments are not configured on this Hangar");
        }
    }

    /** From the query string only: a form body's parameters are not part of what Mercado Pago signs. */
    private static String queryParameter(HttpServletRequest request, String name) {
        String query = request.getQueryString();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
