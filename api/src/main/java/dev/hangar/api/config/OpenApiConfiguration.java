package dev.hangar.api.config;

import dev.hangar.api.surface.SurfaceDefinition;
import dev.hangar.api.surface.Surfaces;
import java.util.List;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One OpenAPI document, one group per surface definition (Swagger UI's drop-down). */
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

    /**
     * One group per {@link SurfaceDefinition}: springdoc takes a {@code List<GroupedOpenApi>} bean
     * in place of single ones, so a new surface needs no line here.
     */
    @Bean
    public List<GroupedOpenApi> surfaceOpenApiGroups(Surfaces surfaces) {
        return surfaces.all().stream().map(OpenApiConfiguration::group).toList();
    }

    static GroupedOpenApi group(SurfaceDefinition surface) {
        return GroupedOpenApi.builder().group(surface.openApiGroup())
                .pathsToMatch(surface.paths().toArray(String[]::new)).build();
    }
}
