package dev.hangar.api.workspaces;

import dev.hangar.api.surface.SurfaceDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Workspaces (seed 000) at {@code /{tenant_url}/api/v1/workspaces/...}: error body
 * {@code {"error", "message", "status": "error"}}.
 */
@Configuration(proxyBeanMethods = false)
class WorkspacesSurface {

    static final SurfaceDefinition DEFINITION = new SurfaceDefinition(
            "Workspaces", "workspaces",
            List.of("/*/api/v1/workspaces/**"),
            List.of(),
            List.of(),
            List.of(),
            error -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("error", error.code());
                body.put("message", error.message());
                body.put("status", "error");
                return body;
            });

    @Bean
    @Order(4) // Swagger UI's drop-down order
    SurfaceDefinition workspacesSurfaceDefinition() {
        return DEFINITION;
    }
}
