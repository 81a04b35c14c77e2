package dev.hangar.api.databases;

import dev.hangar.api.surface.ValidEmail;
import dev.hangar.api.surface.ValidPassword;
import dev.hangar.kernel.common.Limits;
import dev.hangar.kernel.database.DatabaseView;
import dev.hangar.kernel.database.EngineView;
import dev.hangar.kernel.subscription.Plan;
import dev.hangar.kernel.subscription.SubscriptionView;
import dev.hangar.kernel.user.UserView;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Every body the Databases surface (seed 003) reads or writes; it speaks camelCase. */
final class DatabasesDtos {

    private DatabasesDtos() {
    }

    /** Seed 003's policy: at least 8 characters, one uppercase letter, one digit, one special character. */
    static final String PASSWORD_POLICY = "^(?=.*[A-Z])(?=.*[0-9])(?=.*[^A-Za-z0-9]).{8,128}$";

    // auth

    record RegisterRequest(
            @NotBlank @ValidEmail String email,
            @NotBlank @ValidPassword @Pattern(regexp = PASSWORD_POLICY, message = "must be at least 8 characters with one uppercase "
                    + "letter, one number and one special character") String password,
            @Size(max = 100) String name,
            @Pattern(regexp = "^(INDIVIDUAL|ORGANIZATION)$", message = "must be INDIVIDUAL or ORGANIZATION")
            String userType) {
        @Override
        public String toString() {
            return "RegisterRequest[email=" + email + "]";
        }
    }

    record LoginRequest(@NotBlank @Email @Size(max = Limits.EMAIL_MAX) String email,
                        @NotBlank @Size(max = 128) String password) {
        @Override
        public String toString() {
            return "LoginRequest[email=" + email + "]";
        }
    }

    record Registered(String userId, String token, String email, String name, String userType) {
    }

    record SessionUser(String id, String email, String name, String userType) {
        static SessionUser of(UserView v) {
            return new SessionUser(v.id(), v.email(), v.name(), v.userType().name());
        }
    }

    record PlanSummary(String name, int maxInstances) {
    }

    record LoggedIn(String token, SessionUser user, PlanSummary plan) {
    }

    record ProfilePlan(String name, int maxInstances, int currentUsage) {
    }

    record Profile(String id, String email, String name, String userType, String username, String tenant_id,
                   String tenant_url, ProfilePlan plan, Instant createdAt) {
        static Profile of(UserView v, SubscriptionView s) {
            return new Profile(v.id(), v.email(), v.name(), v.userType().name(), v.username(), v.tenantId(),
                    v.tenantUrl(), new ProfilePlan(s.plan().name(), s.plan().maxInstances(), s.currentInstances()),
                    v.createdAt());
        }
    }

    // plans

    record PlanEntry(int id, String name, int maxInstances, BigDecimal price, String currency, List<String> features) {
        static PlanEntry of(Plan p) {
            return new PlanEntry(p.id(), p.name(), p.maxInstances(), p.price(), Plan.CURRENCY, p.features());
        }
    }

    record CurrentPlan(CurrentPlanSummary plan, Usage usage) {
        static CurrentPlan of(SubscriptionView s) {
            Plan p = s.plan();
            int percentage = (int) Math.round(100.0 * s.currentInstances() / p.maxInstances());
            return new CurrentPlan(new CurrentPlanSummary(p.name(), p.maxInstances(), p.price()),
                    new Usage(s.currentInstances(), s.remainingInstances(), percentage));
        }
    }

    record CurrentPlanSummary(String name, int maxInstances, BigDecimal price) {
    }

    record Usage(int currentInstances, int remainingInstances, int percentage) {
    }

    // databases

    record CreateRequest(@NotBlank @Size(max = 50) String engine, @Size(max = 63) String databaseName) {
    }

    record Created(String id, String engine, String databaseName, String status, String host, int port, String username,
                   String password, String connectionString, Instant createdAt) {
        @Override
        public String toString() {
            return "Created[id=" + id + ", password=***]";
        }
    }

    record Summary(String id, String engine, String databaseName, String status, String host, int port, String username,
                   String failureReason, Instant createdAt, Instant updatedAt) {
        static Summary of(DatabaseView v) {
            return new Summary(v.id(), v.engine(), v.databaseName(), v.status().name(), v.host(), v.port(), v.username(),
                    v.failureReason(), v.createdAt(), v.updatedAt());
        }
    }

    record Detail(String id, String engine, String databaseName, String status, String host, int port, String username,
                  String connectionString, String containerId, String failureReason, Instant createdAt,
                  Instant updatedAt) {
        static Detail of(DatabaseView v, EngineView engine) {
            return new Detail(v.id(), v.engine(), v.databaseName(), v.status().name(), v.host(), v.port(), v.username(),
                    ConnectionStrings.of(engine.scheme(), v.username(), null, v.host(), v.port(), v.databaseName()),
                    v.containerName(), v.failureReason(), v.createdAt(), v.updatedAt());
        }
    }

    record StatusChange(String id, String status, String message) {
    }

    record Rotated(String id, String username, String newPassword, String connectionString, String message) {
        @Override
        public String toString() {
            return "Rotated[id=" + id + ", newPassword=***]";
        }
    }

    record Message(String message) {
    }

    // engines

    /** Seed 003's fields, plus the image and why the engine cannot run now (null when it can). */
    record Engine(String name, String version, int port, String description, boolean available, String image,
                  String reason) {
        static Engine of(EngineView e) {
            return new Engine(e.name(), e.version(), e.port(), e.description(), e.available(), e.image(), e.reason());
        }
    }
}
