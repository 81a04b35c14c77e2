package dev.hangar.command.compute;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.hangar.kernel.common.HangarException;
import dev.hangar.kernel.instance.AutoStopSettings;
import dev.hangar.kernel.instance.CheckInstanceIdle;
import dev.hangar.kernel.instance.DeleteInstance;
import dev.hangar.kernel.instance.IdleVerdict;
import dev.hangar.kernel.instance.InstanceAutoStopRequested;
import dev.hangar.kernel.instance.InstanceUsed;
import dev.hangar.kernel.instance.RecordInstanceUse;
import dev.hangar.kernel.instance.FailInstance;
import dev.hangar.kernel.instance.FailInstanceStart;
import dev.hangar.kernel.instance.InstanceContainerExited;
import dev.hangar.kernel.instance.InstanceDeleted;
import dev.hangar.kernel.instance.InstanceDeletionRequested;
import dev.hangar.kernel.instance.InstanceProgressed;
import dev.hangar.kernel.instance.InstanceProvisioned;
import dev.hangar.kernel.instance.InstanceProvisioningFailed;
import dev.hangar.kernel.instance.InstanceRenamed;
import dev.hangar.kernel.instance.InstanceRequested;
import dev.hangar.kernel.instance.InstanceStartFailed;
import dev.hangar.kernel.instance.InstanceStartRequested;
import dev.hangar.kernel.instance.InstanceStarted;
import dev.hangar.kernel.instance.InstanceStatus;
import dev.hangar.kernel.instance.InstanceStopRequested;
import dev.hangar.kernel.instance.InstanceStopped;
import dev.hangar.kernel.instance.MarkInstanceRunning;
import dev.hangar.kernel.instance.MarkInstanceStarted;
import dev.hangar.kernel.instance.MarkInstanceStopped;
import dev.hangar.kernel.instance.RecordInstanceContainerExited;
import dev.hangar.kernel.instance.RecordInstanceProgress;
import dev.hangar.kernel.instance.StartInstance;
import dev.hangar.kernel.instance.StopInstance;
import dev.hangar.kernel.workload.HealthCheck;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A compute instance (the Instances surface, seeds 001 + 004): its lifecycle as the provisioning
 * engine reports it and the owner's wishes (stop, start, rename, delete) that the engine carries out.
 * It holds a plan slot and its name from the request until it is deleted. (The database aggregate is
 * {@code command.instance.InstanceAggregate}.)
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class ComputeInstanceAggregate {

    @AggregateIdentifier
    private String instanceId;
    private String ownerId;
    private String name;
    private InstanceStatus status;
    private String webhookUrl;
    private HealthCheck healthCheck;
    /** When the owner last reported a use ({@code PUT .../last-used}); null before any. */
    private Instant lastUsedAt;
    /** When it last came up (provisioned or started); null while not running. */
    private Instant runningSince;
    /** The inactivity threshold; null (events before issue 13): the configured default. */
    private Long autoStopAfterSeconds;

    protected ComputeInstanceAggregate() {
    }

    @CommandHandler
    ComputeInstanceAggregate(RegisterInstance cmd) {
        apply(cmd.request());
    }

    @CommandHandler
    void handle(MarkInstanceRunning cmd) {
        if (status == InstanceStatus.CREATING) {
            apply(new InstanceProvisioned(instanceId, ownerId, name, status, webhookUrl, cmd.containerId(), cmd.ports(),
                    now()));
        }
    }

    @CommandHandler
    void handle(FailInstance cmd) {
        if (status == InstanceStatus.CREATING) {
            apply(new InstanceProvisioningFailed(instanceId, ownerId, name, status, webhookUrl, cmd.reason(), now()));
        }
    }

    /** Only while the instance is being brought up; a late line after it is up is no news. */
    @CommandHandler
    void handle(RecordInstanceProgress cmd) {
        if (status == InstanceStatus.CREATING || status == InstanceStatus.STARTING) {
            apply(new InstanceProgressed(instanceId, ownerId, cmd.message(), now()));
        }
    }

    /** Stopping a stopped (or stopping) instance is harmless; any state but running is a conflict. */
    @CommandHandler
    void handle(StopInstance cmd) {
        switch (status) {
            case RUNNING -> apply(new InstanceStopRequested(instanceId, ownerId, name, status,
                    cmd.webhookUrl() != null ? cmd.webhookUrl() : webhookUrl, now()));
            case STOPPING, STOPPED -> { }
            default -> throw conflict("stop");
        }
    }

    @CommandHandler
    void handle(MarkInstanceStopped cmd) {
        if (status == InstanceStatus.STOPPING) {
            apply(new InstanceStopped(instanceId, ownerId, name, status, webhookUrl, now()));
        }
    }

    /** Starting a running (or starting) instance is harmless; a stopped or failed one starts. */
    @CommandHandler
    void handle(StartInstance cmd) {
        switch (status) {
            case STOPPED, FAILED -> apply(new InstanceStartRequested(instanceId, ownerId, name, status,
                    cmd.webhookUrl() != null ? cmd.webhookUrl() : webhookUrl,
                    cmd.healthCheck() != null ? cmd.healthCheck() : healthCheck, now()));
            case RUNNING, STARTING -> { }
            default -> throw conflict("start");
        }
    }

    @CommandHandler
    void handle(MarkInstanceStarted cmd) {
        if (status == InstanceStatus.STARTING) {
            apply(new InstanceStarted(instanceId, ownerId, name, status, webhookUrl, cmd.containerId(), cmd.ports(), now()));
        }
    }

    @CommandHandler
    void handle(FailInstanceStart cmd) {
        if (status == InstanceStatus.STARTING) {
            apply(new InstanceStartFailed(instanceId, ownerId, name, status, webhookUrl, cmd.reason(), now()));
        }
    }

    /** The engine saw the container go; news only while it should be running (Hangar's own stops are not). */
    @CommandHandler
    void handle(RecordInstanceContainerExited cmd) {
        if (status == InstanceStatus.RUNNING) {
            apply(new InstanceContainerExited(instanceId, ownerId, name, status, webhookUrl,
                    "The container " + describe(cmd.action()) + " outside Hangar; start the instance to bring it back",
                    now()));
        }
    }

    /** A use is recorded in every state but while being deleted; a time a little ahead (clock skew) counts as now. */
    @CommandHandler
    Instant handle(RecordInstanceUse cmd) {
        if (status == InstanceStatus.DELETING || status == InstanceStatus.DELETED) {
            throw conflict("record a use of");
        }
        Instant now = now();
        Instant used = cmd.lastUsedAt() == null ? now : cmd.lastUsedAt();
        if (used.isAfter(now.plus(CLOCK_SKEW))) {
            throw HangarException.validation("lastUsedAt must not be in the future");
        }
        if (used.isAfter(now)) {
            used = now;
        }
        apply(new InstanceUsed(instanceId, ownerId, used, now));
        return used;
    }

    /**
     * Idle: running and unused for longer than the threshold since the later of its last use and its
     * coming up. An idle instance stops itself unless the check is a dry run; a second check while it
     * stops finds it no longer running, so a repeated check (a restart, a trigger) never doubles a stop.
     */
    @CommandHandler
    IdleVerdict handle(CheckInstanceIdle cmd, AutoStopSettings settings) {
        Instant now = now();
        if (status != InstanceStatus.RUNNING || runningSince == null) {
            return IdleVerdict.notRunning(instanceId, now);
        }
        Duration threshold = threshold(settings);
        Instant since = lastUsedAt != null && lastUsedAt.isAfter(runningSince) ? lastUsedAt : runningSince;
        Instant due = since.plus(threshold);
        if (now.isBefore(due)) {
            return new IdleVerdict(instanceId, true, false, false, since, due, now);
        }
        if (cmd.dryRun()) {
            return new IdleVerdict(instanceId, true, true, false, since, due, now);
        }
        apply(new InstanceAutoStopRequested(instanceId, ownerId, name, status, webhookUrl, since, threshold.toSeconds(),
                "auto-stop: unused since " + since + ", longer than its inactivity threshold of "
                        + describe(threshold), now));
        return new IdleVerdict(instanceId, true, true, true, since, due, now);
    }

    private Duration threshold(AutoStopSettings settings) {
        return autoStopAfterSeconds != null ? Duration.ofSeconds(autoStopAfterSeconds)
                : settings.defaultInactivityThreshold();
    }

    private static String describe(Duration d) {
        long s = d.toSeconds();
        return s % 60 == 0 ? (s / 60) + " min" : s + " s";
    }

    /** Accepted in every state; what is under way is cancelled. */
    @CommandHandler
    void handle(DeleteInstance cmd) {
        if (status != InstanceStatus.DELETING && status != InstanceStatus.DELETED) {
            apply(new InstanceDeletionRequested(instanceId, ownerId, name, status, webhookUrl, now()));
        }
    }

    /** @return whether the deletion completed now (and the slot and the name are to be released) */
    boolean completeDeletion() {
        if (status != InstanceStatus.DELETING) {
            return false;
        }
        apply(new InstanceDeleted(instanceId, ownerId, name, status, webhookUrl, now()));
        return true;
    }

    /** @return the previous name, whose claim is to be released */
    String rename(String newName) {
        if (status == InstanceStatus.DELETING || status == InstanceStatus.DELETED) {
            throw conflict("rename");
        }
        String previous = name;
        if (!previous.equals(newName)) {
            apply(new InstanceRenamed(instanceId, ownerId, previous, newName, now()));
        }
        return previous;
    }

    String ownerId() {
        return ownerId;
    }

    String name() {
        return name;
    }

    private static String describe(String action) {
        return switch (action == null ? "" : action) {
            case "destroy" -> "was removed";
            case "oom" -> "ran out of memory";
            case "kill" -> "was killed";
            case "stop" -> "was stopped";
            default -> "exited";
        };
    }

    private static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    private HangarException conflict(String action) {
        return new HangarException(HangarException.Kind.CONFLICT, "INVALID_STATE",
                "Cannot " + action + " an instance that is " + status.wire());
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    @EventSourcingHandler
    void on(InstanceRequested e) {
        instanceId = e.instanceId();
        ownerId = e.ownerId();
        name = e.name();
        webhookUrl = e.webhookUrl();
        healthCheck = e.healthCheck();
        autoStopAfterSeconds = e.autoStopAfterSeconds();
        status = InstanceStatus.CREATING;
    }

    @EventSourcingHandler
    void on(InstanceProvisioned e) {
        status = InstanceStatus.RUNNING;
        runningSince = e.at();
    }

    @EventSourcingHandler
    void on(InstanceUsed e) {
        lastUsedAt = e.lastUsedAt();
    }

    @EventSourcingHandler
    void on(InstanceAutoStopRequested e) {
        status = InstanceStatus.STOPPING;
        runningSince = null;
    }

    @EventSourcingHandler
    void on(InstanceProvisioningFailed e) {
        status = InstanceStatus.FAILED;
    }

    @EventSourcingHandler
    void on(InstanceStopRequested e) {
        status = InstanceStatus.STOPPING;
        runningSince = null;
        webhookUrl = e.webhookUrl();
    }

    @EventSourcingHandler
    void on(InstanceStopped e) {
        status = InstanceStatus.STOPPED;
    }

    @EventSourcingHandler
    void on(InstanceStartRequested e) {
        status = InstanceStatus.STARTING;
        webhookUrl = e.webhookUrl();
        healthCheck = e.healthCheck();
    }

    @EventSourcingHandler
    void on(InstanceStarted e) {
        status = InstanceStatus.RUNNING;
        runningSince = e.at();
    }

    @EventSourcingHandler
    void on(InstanceStartFailed e) {
        status = InstanceStatus.FAILED;
    }

    @EventSourcingHandler
    void on(InstanceContainerExited e) {
        status = InstanceStatus.FAILED;
        runningSince = null;
    }

    @EventSourcingHandler
    void on(InstanceRenamed e) {
        name = e.name();
    }

    @EventSourcingHandler
    void on(InstanceDeletionRequested e) {
        status = InstanceStatus.DELETING;
    }

    @EventSourcingHandler
    void on(InstanceDeleted e) {
        status = InstanceStatus.DELETED;
    }
}
