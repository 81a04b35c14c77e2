package dev.hangar.api.instances;

import static dev.hangar.api.instances.InstancesDtos.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.kagkarlsson.scheduler.Scheduler;
import dev.hangar.api.consistency.ReadYourWrites;
import dev.hangar.api.security.AuthenticatedUser;
import dev.hangar.kernel.common.HangarException;
import dev.hangar.kernel.instance.AutoStopSettings;
import dev.hangar.kernel.instance.AutoStopStats;
import dev.hangar.kernel.instance.FindAutoStopStats;
import dev.hangar.kernel.instance.RecordInstanceUse;
import dev.hangar.kernel.instance.RunAutoStopCheck;
import dev.hangar.kernel.user.Role;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed 004's maintenance and auto-stop endpoints (issue 13): a use postpones an instance's auto-stop;
 * the stats and the trigger cover the caller's own instances, an admin's cover every owner's.
 */
@RestController
@RequestMapping("/api/instances")
@Tag(name = "Instances: auto-stop")
class InstanceOperationsController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final InstanceDirectory directory;
    private final ReadYourWrites consistency;
    private final AutoStopSettings settings;
    private final ObjectProvider<Scheduler> scheduler;

    InstanceOperationsController(CommandGateway commands, QueryGateway queries, InstanceDirectory directory,
                                 ReadYourWrites consistency, AutoStopSettings settings,
                                 ObjectProvider<Scheduler> scheduler) {
        this.commands = commands;
        this.queries = queries;
        this.directory = directory;
        this.consistency = consistency;
        this.settings = settings;
        this.scheduler = scheduler;
    }

    /** Body optional; {@code lastUsedAt} an ISO-8601 instant (now when absent), never in the future. */
    @PutMapping("/{id}/last-used")
    Map<String, Object> lastUsed(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable String id,
                                 @RequestBody(required = false) JsonNode body) {
        Instant at = null;
        JsonNode given = body == null ? null : body.get("lastUsedAt");
        if (body != null && !body.isNull() && !body.isObject()) {
            throw HangarException.validation("The body must be a JSON object");
        }
        if (given != null && !given.isNull()) {
            if (!given.isTextual()) {
                throw HangarException.validation("lastUsedAt must be an ISO-8601 date string");
            }
            at = parse(given.asText());
            if (at.isAfter(Instant.now())) {
                throw HangarException.validation("lastUsedAt must not be in the future");
            }
        }
        directory.require(me.userId(), id);
        Instant recorded = commands.sendAndWait(new RecordInstanceUse(id, at));
        consistency.awaitProjections();
        return map("instanceId", id, "lastUsedAt", recorded, "message", "Last used time updated successfully");
    }

    @GetMapping("/auto-stop/stats")
    Map<String, Object> stats(@AuthenticationPrincipal AuthenticatedUser me) {
        String scope = scope(me);
        AutoStopStats stats = queries.query(new FindAutoStopStats(scope, settings.defaultInactivityThreshold()),
                AutoStopStats.class).join();
        Scheduler s = scheduler.getIfAvailable();
        boolean running = s != null && s.getSchedulerState().isStarted() && !s.getSchedulerState().isShuttingDown();
        Map<String, Object> lastRun = stats.lastRun() == null ? null : map("runId", stats.lastRun().runId(),
                "dryRun", stats.lastRun().dryRun(), "at", stats.lastRun().at(),
                "candidates", stats.lastRun().candidates(), "stopped", stats.lastRun().stopped());
        return map("schedulerRunning", running && settings.isEnabled(),
                "checkIntervalMinutes", minutes(settings.checkInterval().toSeconds()),
                "defaultInactivityThresholdMinutes", minutes(settings.defaultInactivityThreshold().toSeconds()),
                "scope", scope == null ? "all" : "own",
                "instancesWatched", stats.watched(),
                "stoppedSoFar", stats.stoppedSoFar(),
                "nextDueAt", stats.nextDueAt(),
                "nextDueInstanceId", stats.nextDueInstanceId(),
                "lastRun", lastRun);
    }

    /** Answers at once; the run's outcome shows in the stats' {@code lastRun}. */
    @PostMapping("/auto-stop/trigger")
    Map<String, Object> trigger(@AuthenticationPrincipal AuthenticatedUser me,
                                @RequestBody(required = false) JsonNode body) {
        boolean dryRun = true;
        if (body != null && !body.isNull()) {
            if (!body.isObject()) {
                throw HangarException.validation("The body must be a JSON object");
            }
            JsonNode given = body.get("dryRun");
            if (given != null && !given.isNull()) {
                if (!given.isBoolean()) {
                    throw HangarException.validation("dryRun must be a boolean");
                }
                dryRun = given.booleanValue();
            }
        }
        String runId = "run_" + UUID.randomUUID().toString().replace("-", "");
        commands.sendAndWait(new RunAutoStopCheck(runId, me.userId(), scope(me), dryRun));
        return map("message", "Auto-stop check queued successfully", "dryRun", dryRun, "timestamp", Instant.now(),
                "runId", runId);
    }

    /** An admin's stats and trigger cover every owner's instances; anyone else's their own. */
    private static String scope(AuthenticatedUser me) {
        return me.role() == Role.ADMIN ? null : me.userId();
    }

    private static Object minutes(long seconds) {
        return seconds % 60 == 0 ? (Object) (seconds / 60) : (Object) (seconds / 60d);
    }

    private static Instant parse(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException again) {
                throw HangarException.validation("lastUsedAt must be an ISO-8601 date string");
            }
        }
    }
}
