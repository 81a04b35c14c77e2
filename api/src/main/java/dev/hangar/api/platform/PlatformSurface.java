package dev.hangar.api.platform;

import dev.hangar.api.surface.SurfaceDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Platform v1 (seed 002) at {@code /api/v1/**}: snake_case, UUID ids, error body
 * {@code {"error": "<message>"}}. Also answers for paths no surface owns.
 */
@Configuration(proxyBeanMethods = false)
class PlatformSurface {

    static final SurfaceDefinition DEFINITION = new SurfaceDefinition(
            "Platform v1", "platform-v1",
            List.of("/api/v1/**"),
            List.of("/api/v1/health", "/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh"),
            List.of("/api/v1/admin/**"),
            List.of("/**"),
            error -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("error", error.message());
                return body;
            });

    @Bean
    @Order(1) // Swagger UI's drop-down order
    SurfaceDefinition platformSurfaceDefinition() {
        return DEFINITION;
    }
}
