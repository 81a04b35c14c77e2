package dev.hangar.api.surface;

import java.util.List;

/**
 * Everything Hangar's wiring needs to know about one HTTP surface, in one place: the paths it
 * owns, which of them answer without a token, which need the admin role, the body its refusals
 * take and its OpenAPI group. Each surface package declares one as a bean; {@link Surfaces}
 * collects them for the security chain, the error responder, the rate limiter and OpenAPI.
 *
 * @param name         the surface's name in API-SURFACES.md
 * @param openApiGroup the group in Swagger UI's drop-down ({@code /v3/api-docs/<group>})
 * @param paths        the path patterns the surface owns (Spring {@code PathPattern} syntax)
 * @param publicPaths  the paths that answer without a token
 * @param adminPaths   the path patterns only the {@code admin} role may call
 * @param errorScope   further patterns whose refusals take this surface's body, though the
 *                     surface does not own them (unknown paths under {@code /api/}, say)
 * @param errorBody    the surface's error body
 */
public record SurfaceDefinition(String name, String openApiGroup, List<String> paths, List<String> publicPaths,
                                List<String> adminPaths, List<String> errorScope, ErrorBody errorBody) {

    public SurfaceDefinition {
        paths = List.copyOf(paths);
        publicPaths = List.copyOf(publicPaths);
        adminPaths = List.copyOf(adminPaths);
        errorScope = List.copyOf(errorScope);
    }

    @Override
    public String toString() {
        return "Surface[" + name + "]";
    }
}
