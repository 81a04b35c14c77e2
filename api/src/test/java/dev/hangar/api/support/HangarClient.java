package dev.hangar.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** Real HTTP against a running Hangar: what a client of any surface would send. */
public final class HangarClient {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public HangarClient(int port) {
        this.base = "http://localhost:" + port;
    }

    public record Response(int status, JsonNode body, String raw, HttpResponse<String> http) {
        public String header(String name) {
            return http.headers().firstValue(name).orElse(null);
        }

        public String text(String field) {
            return body.path(field).asText();
        }
    }

    public Response get(String path, String token) {
        return send("GET", path, null, token);
    }

    public Response get(String path) {
        return get(path, null);
    }

    public Response post(String path, Object body, String token) {
        return send("POST", path, body, token);
    }

    public Response post(String path, Object body) {
        return post(path, body, null);
    }

    public Response put(String path, Object body, String token) {
        return send("PUT", path, body, token);
    }

    public Response patch(String path, Object body, String token) {
        return send("PATCH", path, body, token);
    }

    public Response delete(String path, String token) {
        return send("DELETE", path, null, token);
    }

    /** {@code body} may be a String sent as it is (malformed JSON included), or an object sent as JSON. */
    public Response send(String method, String path, Object body, String token) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                String text = body instanceof String s ? s : JSON.writeValueAsString(body);
                request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(text));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? JSON.nullNode() : parse(response.body());
            // for the secrets scan at the end of the suite
            if (body instanceof Map<?, ?> sent) {
                SecretsLedger.record(sent.get("password"));
            }
            if (json.path("accessToken").isTextual()) {
                SecretsLedger.record(json.path("accessToken").asText());
            }
            if (json.path("password").isTextual()) {
                SecretsLedger.record(json.path("password").asText());
            }
            return new Response(response.statusCode(), json, response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }

    // ---- a user, as a test needs one

    public record User(String id, String username, String email, String password, String token, String refreshToken) {
    }

    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Registers on Platform v1 and logs in. */
    public User newPlatformUser() {
        String username = unique("u_");
        String email = username + "@example.com";
        String password = "Password1!";
        Response registered = post("/api/v1/auth/register",
                Map.of("username", username, "email", email, "password", password, "first_name", "Test", "last_name", "User"));
        if (registered.status() != 201) {
            throw new IllegalStateException("register failed: " + registered.raw());
        }
        return logIn(username, password);
    }

    public User logIn(String login, String password) {
        Response session = post("/api/v1/auth/login", Map.of("username", login, "password", password));
        if (session.status() != 200) {
            throw new IllegalStateException("login failed: " + session.raw());
        }
        JsonNode user = session.body().path("user");
        return new User(user.path("id").asText(), user.path("username").asText(), user.path("email").asText(), password,
                session.text("token"), session.text("refresh_token"));
    }

    public User admin() {
        return logIn(HangarHttpTest.ADMIN_EMAIL, HangarHttpTest.ADMIN_PASSWORD);
    }
}
