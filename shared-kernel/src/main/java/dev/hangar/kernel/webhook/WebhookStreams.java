package dev.hangar.kernel.webhook;

/** The aggregate ids of the webhook streams and signing secrets, apart from every other aggregate id. */
public final class WebhookStreams {

    private WebhookStreams() {
    }

    public static String idOf(String streamId) {
        return "webhook-stream:" + streamId;
    }

    public static String secretIdOf(String ownerId) {
        return "webhook-secret:" + ownerId;
    }
}
