package dev.hangar.api.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.api.surface.ErrorFacts;
import dev.hangar.api.surface.SurfaceDefinition;
import dev.hangar.api.surface.Surfaces;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
    private final Surfaces surfaces;

    public ErrorResponder(ObjectMapper json, Surfaces surfaces) {
        this.json = json;
        this.surfaces = surfaces;
    }

    public Map<String, Object> body(HttpServletRequest request, ApiError error) {
        String path = pathOf(request);
        return body(surfaces.of(path), path, request, error);
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

    private static Map<String, Object> body(SurfaceDefinition surface, String path, HttpServletRequest request,
                                            ApiError error) {
        return surface.errorBody().render(new ErrorFacts(error.code(), error.message(), error.details(), path,
                () -> requestId(request)));
    }

    /** The request's path inside the application; the original one on an error dispatch. */
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
