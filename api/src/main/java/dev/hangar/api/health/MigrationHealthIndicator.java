package dev.hangar.api.health;

import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The migration service (Flyway): up when the schema history in the event store answers, holds no
 * failed migration and has applied the newest migration this build ships. The shipped migrations
 * are read once (a class-path scan); each check reads the schema history table. Shown as
 * {@code services.migrationService} on {@code /health}.
 */
@Component("migrationServiceHealthIndicator")
class MigrationHealthIndicator extends AbstractHealthIndicator {

    private final Flyway flyway;
    private final JdbcTemplate jdbc;
    private volatile String newestShipped;

    MigrationHealthIndicator(Flyway flyway, JdbcTemplate jdbc) {
        super("Migration health check failed");
        this.flyway = flyway;
        this.jdbc = jdbc;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        String shipped = newestShipped();
        List<Map<String, Object>> history = jdbc.queryForList("SELECT version, success FROM "
                + flyway.getConfiguration().getTable() + " WHERE version IS NOT NULL ORDER BY installed_rank");
        long failed = history.stream().filter(row -> !Boolean.TRUE.equals(asBoolean(row.get("success")))).count();
        boolean newestApplied = shipped == null || history.stream()
                .anyMatch(row -> shipped.equals(String.valueOf(row.get("version"))) && Boolean.TRUE.equals(asBoolean(row.get("success"))));
        String current = history.isEmpty() ? null : String.valueOf(history.get(history.size() - 1).get("version"));
        (failed == 0 && newestApplied ? builder.up() : builder.down())
                .withDetail("schemaVersion", String.valueOf(current))
                .withDetail("newestMigration", String.valueOf(shipped))
                .withDetail("applied", history.size())
                .withDetail("failed", failed);
    }

    private String newestShipped() {
        if (newestShipped == null) {
            MigrationInfo newest = null;
            for (MigrationInfo info : flyway.info().all()) {
                if (info.isVersioned() && (newest == null || info.getVersion().compareTo(newest.getVersion()) > 0)) {
                    newest = info;
                }
            }
            newestShipped = newest == null ? "" : newest.getVersion().getVersion();
        }
        return newestShipped.isEmpty() ? null : newestShipped;
    }

    private static Boolean asBoolean(Object value) {
        return value instanceof Boolean b ? b : value instanceof Number n ? n.intValue() != 0 : null;
    }
}
