package dev.hangar.api.payments;

import dev.hangar.kernel.payment.WebhookSignature;
import java.time.Clock;

/** Checks a webhook's x-signature with the configured secret; {@code signature} is null when payments are off. */
public record WebhookVerifier(WebhookSignature signature, Clock clock) {

    public WebhookSignature.Verdict verify(String xSignature, String dataId, String requestId) {
        return signature == null ? WebhookSignature.Verdict.INVALID
                : signature.verify(xSignature, dataId, requestId, clock.instant());
    }

    /** The header Mercado Pago would send: the sandbox signs its notifications with it. */
    public String sign(String dataId, String requestId, String ts) {
        return signature.sign(dataId, requestId, ts);
    }
}
