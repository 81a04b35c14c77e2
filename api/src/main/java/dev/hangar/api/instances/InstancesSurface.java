package dev.hangar.api.instances;

import dev.hangar.api.surface.SurfaceDefinition;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Instances (seeds 001 + 004): error body {@code {"error": {"code", "message", "details",
 * "timestamp", "requestId"}}}. {@code /api/cache} and {@code /api/metrics} are admin-only.
 */
@Configuration(proxyBeanMethods = false)
class InstancesSurface {

    static final SurfaceDefinition DEFINITION = new SurfaceDefinition(
            "Instances", "instances",
            List.of("/api/instances/**", "/api/cache/**", "/api/metrics/**", "/health"),
            List.of("/health"),
            List.of("/api/cache/**", "/api/metrics/**"),
            List.of(),
            error -> {
                Map<String, Object> inner = new LinkedHashMap<>();
                inner.put("code", error.code());
                inner.put("message", error.message());
                inner.put("details", error.details() != null ? error.details() : List.of());
                inner.put("timestamp", Instant.now().toString());
                inner.put("requestId", error.requestId().get());
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("error", inner);
                return body;
            });

    @Bean
    @Order(3) // Swagger UI's drop-down order
    SurfaceDefinition instancesSurfaceDefinition() {
        return DEFINITION;
    }
}
