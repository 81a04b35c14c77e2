package dev.hangar.api.databases;

import dev.hangar.api.surface.SurfaceDefinition;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Databases (seed 003): camelCase, error body {@code {"error": "<CODE>", "message", "timestamp",
 * "path"}}. Also answers for unknown paths under {@code /api/}.
 */
@Configuration(proxyBeanMethods = false)
class DatabasesSurface {

    static final SurfaceDefinition DEFINITION = new SurfaceDefinition(
            "Databases", "databases",
            List.of("/api/auth/**", "/api/engines/**", "/api/databases/**", "/api/plans/**", "/api/payments/**"),
            // Mercado Pago's notifications carry a signature, not a token
            List.of("/api/auth/register", "/api/auth/login", "/api/payments/webhook"),
            List.of(),
            List.of("/api/**"),
            error -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("error", error.code());
                body.put("message", error.message());
                body.put("timestamp", Instant.now().toString());
                body.put("path", error.path());
                return body;
            });

    @Bean
    @Order(2) // Swagger UI's drop-down order
    SurfaceDefinition databasesSurfaceDefinition() {
        return DEFINITION;
    }
}
