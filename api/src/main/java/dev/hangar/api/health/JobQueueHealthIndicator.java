package dev.hangar.api.health;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerState;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerProperties;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The job queue: the durable deadline scheduler (db-scheduler, under Axon's deadline manager).
 * Up when the scheduler has started, is neither paused nor shutting down, and its table answers;
 * shown as {@code services.jobQueue} on {@code /health}, with what is queued, due and running.
 */
@Component("jobQueueHealthIndicator")
class JobQueueHealthIndicator extends AbstractHealthIndicator {

    private final Scheduler scheduler;
    private final JdbcTemplate jdbc;
    private final String table;

    JobQueueHealthIndicator(Scheduler scheduler, JdbcTemplate jdbc, DbSchedulerProperties properties) {
        super("Job queue health check failed");
        this.scheduler = scheduler;
        this.jdbc = jdbc;
        this.table = properties.getTableName();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        SchedulerState state = scheduler.getSchedulerState();
        String name = state.isShuttingDown() ? "shutting_down" : state.isPaused() ? "paused"
                : state.isStarted() ? "started" : "not_started";
        // the queue itself: scheduled jobs, those due now and not yet picked, those being run
        Map<String, Object> counts = jdbc.queryForMap("SELECT COUNT(*) AS queued,"
                + " SUM(CASE WHEN picked = FALSE AND execution_time <= ? THEN 1 ELSE 0 END) AS due,"
                + " SUM(CASE WHEN picked = TRUE THEN 1 ELSE 0 END) AS running FROM " + table,
                Timestamp.from(Instant.now()));
        builder.status("started".equals(name) ? org.springframework.boot.actuate.health.Status.UP
                        : org.springframework.boot.actuate.health.Status.DOWN)
                .withDetail("scheduler", name)
                .withDetail("queued", number(counts.get("queued")))
                .withDetail("due", number(counts.get("due")))
                .withDetail("running", number(counts.get("running")));
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
