package dev.hangar.api.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.hangar.api.surface.ValidEmail;
import dev.hangar.api.surface.ValidPassword;
import dev.hangar.kernel.common.Limits;
import dev.hangar.kernel.service.DeploymentView;
import dev.hangar.kernel.service.ServiceConfig;
import dev.hangar.kernel.service.ServiceResources;
import dev.hangar.kernel.service.ServiceTemplateView;
import dev.hangar.kernel.service.ServiceView;
import dev.hangar.kernel.user.UserView;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Platform v1 (seed 002) speaks snake_case. */
final class PlatformDtos {

    private PlatformDtos() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RegisterRequest(
            @NotBlank @Size(min = Limits.USERNAME_MIN, max = Limits.USERNAME_MAX) @Pattern(regexp = "^[A-Za-z0-9_.-]+$",
                    message = "may contain only letters, digits, '_', '.' and '-'") String username,
            @NotBlank @ValidEmail String email,
            @NotBlank @ValidPassword String password,
            @Size(max = Limits.PERSON_NAME_MAX) String firstName,
            @Size(max = Limits.PERSON_NAME_MAX) String lastName) {
        @Override
        public String toString() {
            return "RegisterRequest[username=" + username + "]";
        }
    }

    record LoginRequest(@NotBlank @Size(max = Limits.EMAIL_MAX) String username, @NotBlank @Size(max = 128) String password) {
        @Override
        public String toString() {
            return "LoginRequest[username=" + username + "]";
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RefreshRequest(@NotBlank String refreshToken) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record UpdateMeRequest(@Size(max = Limits.PERSON_NAME_MAX) String firstName,
                           @Size(max = Limits.PERSON_NAME_MAX) String lastName, @ValidEmail String email) {
    }

    record RoleRequest(@NotBlank String role) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record User(String id, String username, String email, String firstName, String lastName, String role,
                boolean isActive, String tenantId, String tenantUrl, Instant lockedUntil, Instant createdAt,
                Instant updatedAt) {
        static User of(UserView v) {
            return new User(v.id(), v.username(), v.email(), v.firstName(), v.lastName(), v.role().wire(), v.active(),
                    v.tenantId(), v.tenantUrl(), v.lockedUntil(), v.createdAt(), v.updatedAt());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record SessionUser(String id, String username, String email, String role, boolean isActive) {
        static SessionUser of(UserView v) {
            return new SessionUser(v.id(), v.username(), v.email(), v.role().wire(), v.active());
        }
    }

    record Registered(String message, User user) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Session(String token, String refreshToken, SessionUser user, Instant expiresAt) {
    }

    record UserList(List<User> users, long total, int limit, int offset) {
    }

    record Message(String message) {
    }

    // ---- services and templates (seed 002)



    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Resources(Integer cpu, Integer memory, Integer disk) {
        ServiceResources toKernel() {
            return new ServiceResources(cpu == null ? 0 : cpu, memory == null ? 0 : memory, disk == null ? 0 : disk);
        }

        static Resources of(ServiceResources r) {
            return r == null ? null : new Resources(r.cpu(), r.memory(), r.disk());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Config(String image, List<Integer> ports, Map<String, String> environment, Resources resources,
                  String nomadJobFile, @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> customVariables) {

        ServiceConfig toKernel(Map<String, String> extraVariables) {
            Map<String, String> variables = customVariables;
            if (extraVariables != null) {
                variables = new java.util.LinkedHashMap<>(customVariables == null ? Map.of() : customVariables);
                variables.putAll(extraVariables);
            }
            return new ServiceConfig(image, ports, environment, resources == null ? null : resources.toKernel(),
                    nomadJobFile, variables);
        }

        static Config of(ServiceConfig c) {
            return c == null ? null : new Config(c.image(), c.ports(), c.environment(), Resources.of(c.resources()),
                    c.nomadJobFile(), c.customVariables());
        }

        @Override
        public String toString() {
            return "Config[image=" + image + "]";
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CreateRequest(String name, String type, String description, Config config, String templateId,
                         Map<String, String> customVariables) {
        @Override
        public String toString() {
            return "CreateRequest[type=" + type + "]";
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record UpdateRequest(String name, String type, String description, Config config) {
        @Override
        public String toString() {
            return "UpdateRequest[type=" + type + "]";
        }
    }

    /**
     * Seed 002's service, plus Hangar's {@code endpoints}: where a running service's ports answer (seed 002
     * has no field for it; Nomad would have told its own service discovery).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Service(String id, String name, String type, String status, String description, Config config,
                   String createdBy, Instant createdAt, Instant updatedAt,
                   @JsonInclude(JsonInclude.Include.NON_NULL) String failureReason, List<Endpoint> endpoints) {
        static Service of(ServiceView v, String publicHost) {
            return new Service(v.id(), v.name(), v.type(), v.status().key(), v.description(), Config.of(v.config()),
                    v.createdBy(), v.createdAt(), v.updatedAt(), v.failureReason(), Endpoint.of(v, publicHost));
        }
    }

    /** A running service's container port, and the host and port it is published on. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Endpoint(int port, String host, int hostPort) {
        static List<Endpoint> of(ServiceView v, String publicHost) {
            if (v.status() != dev.hangar.kernel.service.ServiceStatus.RUNNING) {
                return List.of();
            }
            return v.latestDeployment().map(d -> d.ports().stream()
                    .map(p -> new Endpoint(p.containerPort(), publicHost, p.hostPort())).toList()).orElse(List.of());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Deployment(String id, String status, String nomadJobId, Instant startedAt, Instant completedAt,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String failureReason) {
        static Deployment of(DeploymentView d) {
            return new Deployment(d.id(), d.status().key(), d.nomadJobId(), d.startedAt(), d.completedAt(),
                    d.failureReason());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ServiceSummary(String id, String name, String type, String status, String description, Instant createdAt,
                          Instant updatedAt, List<Deployment> deployments) {
        static ServiceSummary of(ServiceView v) {
            return new ServiceSummary(v.id(), v.name(), v.type(), v.status().key(), v.description(), v.createdAt(),
                    v.updatedAt(), v.deployments().stream().map(Deployment::of).toList());
        }
    }

    record ServiceList(List<ServiceSummary> services, int total) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record StartedDeployment(String id, String serviceId, String status, String nomadJobId, String deployedBy,
                             Instant createdAt) {
        static StartedDeployment of(DeploymentView d) {
            return new StartedDeployment(d.id(), d.serviceId(), d.status().key(), d.nomadJobId(), d.deployedBy(),
                    d.createdAt());
        }
    }

    record Started(String message, StartedDeployment deployment) {
    }

    record Logs(List<String> logs) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Metrics(double cpuUsage, long memoryUsage, String allocationId, String allocationStatus, String nodeId) {
    }

    record MetricsAnswer(Metrics metrics) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record TemplateSummary(String id, String name, String type, String description, String icon, String category,
                           List<String> tags, boolean isPublic, Instant createdAt) {
        static TemplateSummary of(ServiceTemplateView t) {
            return new TemplateSummary(t.id(), t.name(), t.type(), t.description(), t.icon(), t.category(), t.tags(),
                    t.isPublic(), t.createdAt());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Template(String id, String name, String type, String description, String icon, String category,
                    List<String> tags, Config config, boolean isPublic, Instant createdAt) {
        static Template of(ServiceTemplateView t) {
            return new Template(t.id(), t.name(), t.type(), t.description(), t.icon(), t.category(), t.tags(),
                    Config.of(t.config()), t.isPublic(), t.createdAt());
        }
    }

    record TemplateList(List<TemplateSummary> templates, int total) {
    }
}
