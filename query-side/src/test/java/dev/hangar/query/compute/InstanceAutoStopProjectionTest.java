package dev.hangar.query.compute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.kernel.instance.AutoStopCheckCompleted;
import dev.hangar.kernel.instance.AutoStopStats;
import dev.hangar.kernel.instance.FindAutoStopStats;
import dev.hangar.kernel.instance.FindInstance;
import dev.hangar.kernel.instance.InstanceAutoStopRequested;
import dev.hangar.kernel.instance.InstanceDeleted;
import dev.hangar.kernel.instance.InstancePort;
import dev.hangar.kernel.instance.InstanceProvisioned;
import dev.hangar.kernel.instance.InstanceRequested;
import dev.hangar.kernel.instance.InstanceStatus;
import dev.hangar.kernel.instance.InstanceUsed;
import dev.hangar.kernel.workload.HealthCheck;
import dev.hangar.query.MongoTestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The auto-stop figures of the instances read model on a real MongoDB wire-protocol server. */
class InstanceAutoStopProjectionTest {

    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    static final Duration DEFAULT = Duration.ofMinutes(20);

    MongoTestServer server;
    InstanceProjection projection;

    @BeforeEach
    void start() {
        server = new MongoTestServer();
        projection = new InstanceProjection(server.template(), SimpleQueryUpdateEmitter.builder().build());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static InstanceRequested requested(String id, String owner, Long thresholdSeconds) {
        return new InstanceRequested(id, owner, id, "CN-HK-01", "local", "small", null, "jupyter", "img",
                List.of(new InstancePort(8888, "jupyter")), 1_000_000_000L, 1 << 30, null, 0, false, null, 60,
                HealthCheck.DEFAULT, null, "v1:x", "hangar-inst-" + id, "hangar-inst-" + id + "-data", "FREE", 1024,
                thresholdSeconds, T0);
    }

    static InstanceProvisioned provisioned(String id, String owner, Instant at) {
        return new InstanceProvisioned(id, owner, id, InstanceStatus.CREATING, null, "c-" + id, List.of(), at);
    }

    @Test
    void runningInstancesAreWatchedAndTheEarliestDueIsNamed() {
        projection.on(requested("a", "u1", 600L));
        projection.on(provisioned("a", "u1", T0));
        projection.on(requested("b", "u1", null)); // older than issue 13: the default
        projection.on(provisioned("b", "u1", T0));
        projection.on(requested("c", "u1", 60L)); // still creating: not watched
        projection.on(requested("x", "u2", 60L));
        projection.on(provisioned("x", "u2", T0));
        projection.on(new InstanceUsed("a", "u1", T0.plusSeconds(900), T0.plusSeconds(900)));

        AutoStopStats own = projection.handle(new FindAutoStopStats("u1", DEFAULT));
        assertThat(own.watched()).isEqualTo(2);
        assertThat(own.nextDueInstanceId()).isEqualTo("b");
        assertThat(own.nextDueAt()).isEqualTo(T0.plus(DEFAULT));
        assertThat(own.stoppedSoFar()).isZero();
        assertThat(own.lastRun()).isNull();
        assertThat(projection.handle(new FindInstance("u1", "a")).orElseThrow().lastUsedAt())
                .isEqualTo(T0.plusSeconds(900));

        AutoStopStats all = projection.handle(new FindAutoStopStats(null, DEFAULT));
        assertThat(all.watched()).isEqualTo(3);
        assertThat(all.nextDueInstanceId()).isEqualTo("x");
    }

    @Test
    void autoStopsAreCountedPerOwnerAndOutliveTheInstanceAndRunsAreScoped() {
        projection.on(requested("a", "u1", 60L));
        projection.on(provisioned("a", "u1", T0));
        InstanceAutoStopRequested autoStop = new InstanceAutoStopRequested("a", "u1", "a", InstanceStatus.RUNNING, null,
                T0, 60, "auto-stop: idle", T0.plusSeconds(60));
        projection.on(autoStop, "event-1");
        projection.on(autoStop, "event-1"); // handled again after a crash, before its token was stored
        assertThat(projection.handle(new FindInstance("u1", "a")).orElseThrow().status())
                .isEqualTo(InstanceStatus.STOPPING);
        assertThat(projection.handle(new FindInstance("u1", "a")).orElseThrow().statusMessage())
                .isEqualTo("auto-stop: idle");
        projection.on(new InstanceDeleted("a", "u1", "a", InstanceStatus.DELETING, null, T0.plusSeconds(70)));
        projection.on(new AutoStopCheckCompleted("r1", "u1", "u1", true, List.of("a"), List.of(), T0.plusSeconds(1)));
        projection.on(new AutoStopCheckCompleted("r2", "admin", null, false, List.of(), List.of(), T0.plusSeconds(2)));

        AutoStopStats own = projection.handle(new FindAutoStopStats("u1", DEFAULT));
        assertThat(own.stoppedSoFar()).isEqualTo(1);
        assertThat(own.watched()).isZero();
        assertThat(own.nextDueAt()).isNull();
        assertThat(own.lastRun().runId()).isEqualTo("r1");
        assertThat(own.lastRun().dryRun()).isTrue();
        assertThat(own.lastRun().candidates()).containsExactly("a");
        assertThat(projection.handle(new FindAutoStopStats("u2", DEFAULT)).stoppedSoFar()).isZero();
        assertThat(projection.handle(new FindAutoStopStats(null, DEFAULT)).lastRun().runId()).isEqualTo("r2");
    }

    @Test
    void everyAutoStopEventCountsOnceAcrossInstancesAndRepeats() {
        for (String id : List.of("a", "b", "c")) {
            projection.on(requested(id, "u1", 60L));
            projection.on(provisioned(id, "u1", T0));
            InstanceAutoStopRequested autoStop = new InstanceAutoStopRequested(id, "u1", id, InstanceStatus.RUNNING,
                    null, T0, 60, "auto-stop: idle", T0.plusSeconds(60));
            projection.on(autoStop, "stop-" + id);
            projection.on(autoStop, "stop-" + id);
        }
        projection.on(new InstanceAutoStopRequested("x", "u2", "x", InstanceStatus.RUNNING, null, T0, 60,
                "auto-stop: idle", T0.plusSeconds(60)), "stop-x");
        projection.on(new InstanceAutoStopRequested("a", "u1", "a", InstanceStatus.RUNNING, null, T0, 60,
                "auto-stop: idle", T0.plusSeconds(600)), "stop-a-again"); // a later auto-stop of the same instance

        assertThat(projection.handle(new FindAutoStopStats("u1", DEFAULT)).stoppedSoFar()).isEqualTo(4);
        assertThat(projection.handle(new FindAutoStopStats("u2", DEFAULT)).stoppedSoFar()).isEqualTo(1);
        assertThat(projection.handle(new FindAutoStopStats(null, DEFAULT)).stoppedSoFar()).isEqualTo(5);
    }

    @Test
    void onlyTheLatestCountedEventsAreKept() {
        int stops = AutoStopTallyDocument.COUNTED_KEPT + 5;
        for (int i = 0; i < stops; i++) {
            projection.on(new InstanceAutoStopRequested("a", "u1", "a", InstanceStatus.RUNNING, null, T0, 60,
                    "auto-stop: idle", T0.plusSeconds(i)), "stop-" + i);
        }
        projection.on(new InstanceAutoStopRequested("a", "u1", "a", InstanceStatus.RUNNING, null, T0, 60,
                "auto-stop: idle", T0.plusSeconds(stops - 1)), "stop-" + (stops - 1));

        AutoStopTallyDocument tally = server.template().findById("u1", AutoStopTallyDocument.class);
        assertThat(tally.stopped()).isEqualTo(stops);
        assertThat(tally.counted()).hasSize(AutoStopTallyDocument.COUNTED_KEPT).endsWith("stop-" + (stops - 1))
                .doesNotContain("stop-0");
    }
}
