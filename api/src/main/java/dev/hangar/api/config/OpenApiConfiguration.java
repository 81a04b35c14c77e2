package dev.hangar.api.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One OpenAPI document, grouped by surface (Swagger UI's drop-down). */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    public OpenAPI hangarOpenApi(HangarProperties properties) {
        return new OpenAPI().info(new Info().title("Hangar").version(properties.version())
                        .description("Self-hosted control plane for database and service instances"))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    @Bean
    public GroupedOpenApi platformSurface() {
        return GroupedOpenApi.builder().group("platform-v1").pathsToMatch("/api/v1/**").build();
    }

    @Bean
    public GroupedOpenApi databasesSurface() {
        return GroupedOpenApi.builder().group("databases")
                .pathsToMatch("/api/auth/**", "/api/engines/**", "/api/databases/**", "/api/plans/**", "/api/payments/**")
                .build();
    }

    @Bean
    public GroupedOpenApi instancesSurface() {
        return GroupedOpenApi.builder().group("instances")
                .pathsToMatch("/api/instances/**", "/api/cache/**", "/api/metrics/**", "/health").build();
    }

    @Bean
    public GroupedOpenApi workspacesSurface() {
        return GroupedOpenApi.builder().group("workspaces").pathsToMatch("/*/api/v1/workspaces/**").build();
    }
}
