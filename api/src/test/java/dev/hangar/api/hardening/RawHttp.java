package dev.hangar.api.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hangar.api.support.HangarClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Requests with whatever headers and bytes a test wants, for the inputs HangarClient never sends. */
final class RawHttp {

    record Answer(int status, String raw, JsonNode body, Map<String, java.util.List<String>> headers) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    RawHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    Answer send(String method, String path, Map<String, String> headers, byte[] body, boolean chunked) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
            headers.forEach(request::header);
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                    : HttpRequest.BodyPublishers.ofByteArray(body);
            request.method(method, publisher);
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json;
            try {
                json = response.body().isEmpty() ? HangarClient.JSON.nullNode() : HangarClient.JSON.readTree(response.body());
            } catch (IOException e) {
                json = HangarClient.JSON.getNodeFactory().textNode(response.body());
            }
            return new Answer(response.statusCode(), response.body(), json, response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer json(String method, String path, String body, String token) {
        Map<String, String> headers = new java.util.HashMap<>();
        headers.put("Content-Type", "application/json");
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        return send(method, path, headers, body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                false);
    }
}
