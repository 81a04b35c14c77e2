package dev.hangar.api.databases;

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

/** The Databases surface (seed 003) speaks camelCase. */
final class DatabasesDtos {

    private DatabasesDtos() {
    }

    /** Seed 003's policy: at least 8 characters, one uppercase letter, one digit, one special character. */
    static final String PASSWORD_POLICY = "^(?=.*[A-Z])(?=.*[0-9])(?=.*[^A-Za-z0-9]).{8,128}$";

    record RegisterRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Pattern(regexp = PASSWORD_POLICY, message = "must be at least 8 characters with one uppercase "
                    + "letter, one number and one special character") String password,
            @Size(max = 100) String name,
            @Pattern(regexp = "^(INDIVIDUAL|ORGANIZATION)$", message = "must be INDIVIDUAL or ORGANIZATION")
            String userType) {
        @Override
        public String toString() {
            return "RegisterRequest[email=" + email + "]";
        }
    }

    record LoginRequest(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 128) String password) {
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
}
