package dev.hangar.api.surface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which surface a path belongs to: the most specific claim wins, whatever order the beans come in. */
class SurfacesTest {

    private static SurfaceDefinition surface(String name, List<String> paths, List<String> errorScope) {
        return new SurfaceDefinition(name, name, paths, List.of(), List.of(), errorScope, e -> Map.of());
    }

    private static final SurfaceDefinition PLATFORM = surface("platform", List.of("/api/v1/**"), List.of("/**"));
    private static final SurfaceDefinition DATABASES = surface("databases",
            List.of("/api/databases/**", "/api/auth/**"), List.of("/api/**"));
    private static final SurfaceDefinition INSTANCES = surface("instances",
            List.of("/api/instances/**", "/health"), List.of());
    private static final SurfaceDefinition WORKSPACES = surface("workspaces",
            List.of("/*/api/v1/workspaces/**"), List.of());

    @Test
    void theMostSpecificClaimWins() {
        for (List<SurfaceDefinition> order : List.of(List.of(PLATFORM, DATABASES, INSTANCES, WORKSPACES),
                List.of(WORKSPACES, INSTANCES, DATABASES, PLATFORM))) {
            Surfaces surfaces = new Surfaces(order);
            assertThat(surfaces.of("/api/v1/users/me")).isSameAs(PLATFORM);
            assertThat(surfaces.of("/api/v1")).isSameAs(PLATFORM);
            assertThat(surfaces.of("/api/v1/health")).isSameAs(PLATFORM);
            assertThat(surfaces.of("/error")).isSameAs(PLATFORM);
            assertThat(surfaces.of("/swagger-ui/index.html")).isSameAs(PLATFORM);
            assertThat(surfaces.of("/api/databases/x/suspend")).isSameAs(DATABASES);
            assertThat(surfaces.of("/api/nothing-here")).isSameAs(DATABASES);
            assertThat(surfaces.of("/api/instances")).isSameAs(INSTANCES);
            assertThat(surfaces.of("/api/instances/i-1")).isSameAs(INSTANCES);
            assertThat(surfaces.of("/health")).isSameAs(INSTANCES);
            assertThat(surfaces.of("/acme/api/v1/workspaces/main/instances")).isSameAs(WORKSPACES);
            assertThat(surfaces.of("/acme/api/v1/workspaces")).isSameAs(WORKSPACES);
            assertThat(surfaces.of("/api/%zz")).isSameAs(DATABASES);
            assertThat(surfaces.of("/api/instances/a%20b")).isSameAs(INSTANCES);
        }
    }

    @Test
    void twoSurfacesCannotClaimOnePath() {
        assertThatThrownBy(() -> new Surfaces(List.of(PLATFORM, surface("other", List.of("/api/v1/**"), List.of()))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("/api/v1/**");
    }
}
