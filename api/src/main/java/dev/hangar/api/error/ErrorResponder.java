package dev.hangar.api.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Gives an {@link ApiError} the body of the surface the request was sent to. */
@Component
public class ErrorResponder {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private final ObjectMapper json;

    public ErrorResponder(ObjectMapper json) {
        this.json = json;
    }

    public Map<String, Object> body(HttpServletRequest request, ApiError error) {
        String path = pathOf(request);
        Map<String, Object> body = new LinkedHashMap<>();
        switch (Surface.of(path)) {
            case PLATFORM -> body.put("error", error.message());
            case DATABASES -> {
                body.put("error", error.code());
                body.put("message", error.message());
                body.put("timestamp", Instant.now().toString());
                body.put("path", path);
            }
            case INSTANCES -> {
                Map<String, Object> inner = new LinkedHashMap<>();
                inner.put("code", error.code());
                inner.put("message", error.message());
                inner.put("details", error.details() != null ? error.details() : List.of());
                inner.put("timestamp", Instant.now().toString());
                inner.put("requestId", requestId(request));
                body.put("error", inner);
            }
            case WORKSPACES -> {
                body.put("error", error.code());
                body.put("message", error.message());
                body.put("status", "error");
            }
        }
        return body;
    }

    public ResponseEntity<Object> entity(HttpServletRequest request, ApiError error) {
        return ResponseEntity.status(error.status()).contentType(MediaType.APPLICATION_JSON).body(body(request, error));
    }

    /** For the filters that answer before any controller is reached. */
    public void write(HttpServletRequest request, HttpServletResponse response, ApiError error) throws IOException {
        response.setStatus(error.status().value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body(request, error));
    }

    private static String pathOf(HttpServletRequest request) {
        Object forwarded = request.getAttribute("jakarta.servlet.error.request_uri");
        String uri = forwarded instanceof String s ? s : request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    private static String requestId(HttpServletRequest request) {
        String given = request.getHeader(REQUEST_ID_HEADER);
        return given != null && !given.isBlank() && given.length() <= 100 ? given : "req_" + UUID.randomUUID();
    }
}
