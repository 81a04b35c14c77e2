package dev.hangar.command.compute;

import static dev.hangar.command.compute.ComputeInstanceAggregateTest.HOOK;
import static dev.hangar.command.compute.ComputeInstanceAggregateTest.ID;
import static dev.hangar.command.compute.ComputeInstanceAggregateTest.NAME;
import static dev.hangar.command.compute.ComputeInstanceAggregateTest.OWNER;
import static dev.hangar.command.compute.ComputeInstanceAggregateTest.PORTS;
import static dev.hangar.command.compute.ComputeInstanceAggregateTest.T0;
import static dev.hangar.command.compute.ComputeInstanceAggregateTest.requested;

import dev.hangar.kernel.common.HangarException;
import dev.hangar.kernel.instance.AutoStopSettings;
import dev.hangar.kernel.instance.CheckInstanceIdle;
import dev.hangar.kernel.instance.IdleVerdict;
import dev.hangar.kernel.instance.InstanceAutoStopRequested;
import dev.hangar.kernel.instance.InstanceDeletionRequested;
import dev.hangar.kernel.instance.InstanceProvisioned;
import dev.hangar.kernel.instance.InstanceStarted;
import dev.hangar.kernel.instance.InstanceStartRequested;
import dev.hangar.kernel.instance.InstanceStatus;
import dev.hangar.kernel.instance.InstanceStopRequested;
import dev.hangar.kernel.instance.InstanceStopped;
import dev.hangar.kernel.instance.InstanceUsed;
import dev.hangar.kernel.instance.MarkInstanceStopped;
import dev.hangar.kernel.instance.RecordInstanceUse;
import dev.hangar.kernel.workload.HealthCheck;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Last use and the auto-stop decision of the compute instance (threshold 1200 s in {@code requested()}). */
class ComputeInstanceAutoStopTest {

    static final Duration THRESHOLD = Duration.ofSeconds(1200);
    static final String REASON = "auto-stop: unused since " + T0 + ", longer than its inactivity threshold of 20 min";

    private AggregateTestFixture<ComputeInstanceAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ComputeInstanceAggregate.class);
        // a default the instance does not use: its own threshold was fixed at its creation
        fixture.registerInjectableResource(new AutoStopSettings(true, Duration.ofMinutes(1), Duration.ofMinutes(5)));
    }

    private static InstanceProvisioned provisioned() {
        return new InstanceProvisioned(ID, OWNER, NAME, InstanceStatus.CREATING, HOOK, "c1", PORTS, T0);
    }

    @Test
    void aRunningInstanceUnusedSinceItCameUpStopsItselfPastItsThreshold() {
        Instant later = T0.plus(THRESHOLD);
        fixture.givenCurrentTime(later).andGiven(requested(), provisioned())
                .when(new CheckInstanceIdle(ID, false))
                .expectEvents(new InstanceAutoStopRequested(ID, OWNER, NAME, InstanceStatus.RUNNING, HOOK, T0, 1200,
                        REASON, later))
                .expectResultMessagePayload(new IdleVerdict(ID, true, true, true, T0, later, later));
    }

    @Test
    void beforeItsThresholdItIsNotIdleAndSaysWhenItWillBe() {
        Instant before = T0.plus(THRESHOLD).minusSeconds(1);
        fixture.givenCurrentTime(before).andGiven(requested(), provisioned())
                .when(new CheckInstanceIdle(ID, false))
                .expectNoEvents()
                .expectResultMessagePayload(new IdleVerdict(ID, true, false, false, T0, T0.plus(THRESHOLD), before));
    }

    @Test
    void aUsePostponesTheStop() {
        Instant used = T0.plusSeconds(600);
        fixture.givenCurrentTime(T0.plus(THRESHOLD)).andGiven(requested(), provisioned(),
                        new InstanceUsed(ID, OWNER, used, used))
                .when(new CheckInstanceIdle(ID, false))
                .expectNoEvents()
                .expectResultMessagePayload(new IdleVerdict(ID, true, false, false, used, used.plus(THRESHOLD), T0.plus(THRESHOLD)));
    }

    @Test
    void aDryRunFindsItIdleAndStopsNothing() {
        Instant later = T0.plus(THRESHOLD).plusSeconds(5);
        fixture.givenCurrentTime(later).andGiven(requested(), provisioned())
                .when(new CheckInstanceIdle(ID, true))
                .expectNoEvents()
                .expectResultMessagePayload(new IdleVerdict(ID, true, true, false, T0, T0.plus(THRESHOLD), later));
    }

    @Test
    void aRepeatedCheckNeverDoublesTheStop() {
        Instant later = T0.plus(THRESHOLD);
        fixture.givenCurrentTime(later).andGiven(requested(), provisioned(),
                        new InstanceAutoStopRequested(ID, OWNER, NAME, InstanceStatus.RUNNING, HOOK, T0, 1200, REASON, later))
                .when(new CheckInstanceIdle(ID, false))
                .expectNoEvents()
                .expectResultMessagePayload(IdleVerdict.notRunning(ID, later));
    }

    @Test
    void anAutoStoppedInstanceIsStoppedByTheEngineAsAnyOther() {
        Instant later = T0.plus(THRESHOLD);
        fixture.givenCurrentTime(later).andGiven(requested(), provisioned(),
                        new InstanceAutoStopRequested(ID, OWNER, NAME, InstanceStatus.RUNNING, HOOK, T0, 1200, REASON, later))
                .when(new MarkInstanceStopped(ID))
                .expectEvents(new InstanceStopped(ID, OWNER, NAME, InstanceStatus.STOPPING, HOOK, later));
    }

    @Test
    void notRunningIsNeverIdle() {
        Instant day = T0.plus(Duration.ofDays(1));
        fixture.givenCurrentTime(day).andGiven(requested())
                .when(new CheckInstanceIdle(ID, false))
                .expectNoEvents().expectResultMessagePayload(IdleVerdict.notRunning(ID, day));
        fixture.givenCurrentTime(day).andGiven(requested(), provisioned(),
                        new InstanceStopRequested(ID, OWNER, NAME, InstanceStatus.RUNNING, HOOK, T0),
                        new InstanceStopped(ID, OWNER, NAME, InstanceStatus.STOPPING, HOOK, T0))
                .when(new CheckInstanceIdle(ID, false))
                .expectNoEvents().expectResultMessagePayload(IdleVerdict.notRunning(ID, day));
    }

    @Test
    void aRestartedInstanceCountsFromItsStart() {
        Instant started = T0.plus(Duration.ofHours(2));
        fixture.givenCurrentTime(started.plusSeconds(60)).andGiven(requested(), provisioned(),
                        new InstanceStopRequested(ID, OWNER, NAME, InstanceStatus.RUNNING, HOOK, T0),
                        new InstanceStopped(ID, OWNER, NAME, InstanceStatus.STOPPING, HOOK, T0),
                        new InstanceStartRequested(ID, OWNER, NAME, InstanceStatus.STOPPED, HOOK, HealthCheck.DEFAULT, started),
                        new InstanceStarted(ID, OWNER, NAME, InstanceStatus.STARTING, HOOK, "c2", PORTS, started))
                .when(new CheckInstanceIdle(ID, false))
                .expectNoEvents()
                .expectResultMessagePayload(new IdleVerdict(ID, true, false, false, started, started.plus(THRESHOLD), started.plusSeconds(60)));
    }

    @Test
    void aUseIsRecordedNowByDefaultAndAsGiven() {
        Instant now = T0.plusSeconds(30);
        fixture.givenCurrentTime(now).andGiven(requested(), provisioned())
                .when(new RecordInstanceUse(ID, null))
                .expectEvents(new InstanceUsed(ID, OWNER, now, now)).expectResultMessagePayload(now);
        fixture.givenCurrentTime(now).andGiven(requested(), provisioned())
                .when(new RecordInstanceUse(ID, T0.plusSeconds(10)))
                .expectEvents(new InstanceUsed(ID, OWNER, T0.plusSeconds(10), now));
    }

    @Test
    void aUseInTheFutureIsRefusedButAMomentAheadCountsAsNow() {
        Instant now = T0.plusSeconds(30);
        fixture.givenCurrentTime(now).andGiven(requested(), provisioned())
                .when(new RecordInstanceUse(ID, now.plusSeconds(60)))
                .expectNoEvents().expectException(HangarException.class)
                .expectExceptionMessage("lastUsedAt must not be in the future");
        fixture.givenCurrentTime(now).andGiven(requested(), provisioned())
                .when(new RecordInstanceUse(ID, now.plusSeconds(2)))
                .expectEvents(new InstanceUsed(ID, OWNER, now, now));
    }

    @Test
    void aUseOfAnInstanceBeingDeletedIsAConflict() {
        fixture.givenCurrentTime(T0).andGiven(requested(), provisioned(),
                        new InstanceDeletionRequested(ID, OWNER, NAME, InstanceStatus.RUNNING, HOOK, T0))
                .when(new RecordInstanceUse(ID, null))
                .expectNoEvents().expectException(HangarException.class);
    }
}
