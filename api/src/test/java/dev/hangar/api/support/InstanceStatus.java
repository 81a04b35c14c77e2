package dev.hangar.api.support;

import dev.hangar.api.support.HangarClient.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Polls a compute instance on the Instances surface until it reaches a status; talks to its Jupyter. */
public final class InstanceStatus {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private InstanceStatus() {
    }

    public static Response awaitStatus(HangarClient client, String token, String id, String status) throws Exception {
        long deadline = System.currentTimeMillis() + 150_000;
        Response r;
        do {
            r = client.get("/api/instances/" + id, token);
            if (status.equals(r.text("status"))) {
                return r;
            }
            Thread.sleep(250);
        } while (System.currentTimeMillis() < deadline);
        throw new AssertionError("instance " + id + " did not become " + status + ": " + r.raw());
    }

    /** The Jupyter server's own answer to {@code GET /api/status?token=...} at the instance's published endpoint. */
    public static HttpResponse<String> jupyter(Response instance, String path) throws IOException, InterruptedException {
        String endpoint = instance.body().path("connectionDetails").path("jupyter").asText();
        return HTTP.send(HttpRequest.newBuilder(URI.create(endpoint + path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
