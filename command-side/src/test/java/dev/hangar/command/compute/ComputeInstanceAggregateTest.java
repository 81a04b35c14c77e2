package dev.hangar.command.compute;

import dev.hangar.kernel.common.HangarException;
import dev.hangar.kernel.instance.DeleteInstance;
import dev.hangar.kernel.instance.FailInstance;
import dev.hangar.kernel.instance.FailInstanceStart;
import dev.hangar.kernel.instance.InstanceContainerExited;
import dev.hangar.kernel.instance.InstanceDeletionRequested;
import dev.hangar.kernel.instance.InstancePort;
import dev.hangar.kernel.instance.InstanceProgressed;
import dev.hangar.kernel.instance.InstanceProvisioned;
import dev.hangar.kernel.instance.InstanceProvisioningFailed;
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
import dev.hangar.kernel.instance.PublishedPort;
import dev.hangar.kernel.instance.RecordInstanceContainerExited;
import dev.hangar.kernel.instance.RecordInstanceProgress;
import dev.hangar.kernel.instance.StartInstance;
import dev.hangar.kernel.instance.StopInstance;
import dev.hangar.kernel.workload.HealthCheck;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every command of the compute instance aggregate from every state that matters, and every refusal. */
class ComputeInstanceAggregateTest {

    static final String ID = "inst-1";
    static final String OWNER = "user-1";
    static final String NAME = "box";
    static final String HOOK = "https://example.com/hook";
    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    static final List<PublishedPort> PORTS = List.of(new PublishedPort(8888, 32768, "jupyter"));

    private AggregateTestFixture<ComputeInstanceAggregate> fixture;

    static InstanceRequested requested() {
        return new InstanceRequested(ID, OWNER, NAME, "CN-HK-01", "local", "small", null, "jupyter",
                "hangar/workspace:bookworm", List.of(new InstancePort(8888, "jupyter"), new InstancePort(22, "ssh")),
                1_000_000_000L, 1 << 30, null, 0, false, null, 60, HealthCheck.DEFAULT, HOOK, "v1:token",
                "hangar-inst-" + ID, "hangar-inst-" + ID + "-data", "FREE", 1024, 1200L, T0);
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ComputeInstanceAggregate.class);
    }

    private static InstanceProvisioned provisioned() {
        return new InstanceProvisioned(ID, OWNER, NAME, InstanceStatus.CREATING, HOOK, "c1", PORTS, T0);
    }

    private static InstanceStopRequested stopRequested() {
        return new InstanceStopRequested(ID, OWNER, NAME, InstanceStatus.RUNNING, HOOK, T0);
    }

    private static InstanceStopped stopped() {
        return new InstanceStopped(ID, OWNER, NAME, InstanceStatus.STOPPING, HOOK, T0);
    }

    @Test
    void aNewInstanceRunsOnceTheEngineReportsIt() {
        fixture.givenCurrentTime(T0).andGiven(requested())
                .when(new MarkInstanceRunning(ID, "c1", PORTS))
                .expectEvents(provisioned());
    }

    @Test
    void aPullsProgressIsRecordedOnlyWhileTheInstanceIsBroughtUp() {
        fixture.givenCurrentTime(T0).andGiven(requested())
                .when(new RecordInstanceProgress(ID, "Pulling image x"))
                .expectEvents(new InstanceProgressed(ID, OWNER, "Pulling image x", T0));
        fixture.givenCurrentTime(T0).andGiven(requested(), provisioned())
                .when(new RecordInstanceProgress(ID, "Pulled image x"))
                .expectNoEvents();
    }

    @Test
    void aRepeatedReportIsNoNews() {
        fixture.givenCurrentTime(T0).andGiven(requested(), provisioned())
                .when(new MarkInstanceRunning(ID, "c1", PORTS))
                .expectNoEvents();
    }

    @Test
    void aFailedCreateIsRecordedWithItsReason() {
        fixture.givenCurrentTime(T0).andGiven(requested())
                .when(new FailInstance(ID, "no answer"))
                .expectEvents(new InstanceProvisioningFailed(ID, OWNER, NAME, InstanceStatus.CREATING, HOOK, "no answer", T0));
    }

    @Test
    void stopAsksTheEngineWithTheNewWebhookAndTheEngineReportsTheStop() {
        fixture.givenCurrentTime(T0).andGiven(requested(), provisioned())
                .when(new StopInstance(ID, "http://other/hook"))
                .expectEvents(new InstanceStopRequested(ID, OWNER, NAME, InstanceStatus.RUNNING, "http://other/hook", T0));
        fixture.givenCurrentTime(T0).andGiven(requested(), provisioned(), stopRequested())
                .when(new MarkInstanceStopped(ID))
                .expectEvents(stopped());
    }

    @Test
    void stoppingAStoppedOrStoppingInstanceIsHarmless() {
        fixture.givenCurrentTime(T0).andGiven(requested(), provisioned(), stopRequested(), stopped())
                .when(new StopInstance(ID, null)).expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.givenCurrentTime(T0).andGiven(requested(), provisioned(), stopRequested())
                .when(new StopInstance(ID, null)).expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void stoppingACreatingInstanceIsAConflict() {
        fixture.givenCurrentTime(T0).andGiven(requested())
                .when(new StopInstance(ID, null))
                .expectException(HangarException.class).expectExceptionMessage("Cannot stop an instance that is creating");
    }

    @Test
    void startTakesTheNewHealthCheckOrKeepsTheInstancesOwn() {
        HealthCheck fast = new HealthCheck(1000, 0, 100, 30000, 8888);
        fixture.givenCurrentTime(T0).andGiven(requested(), provisioned(), stopRequested(), stopped())
                .when(new StartInstance(ID, fast, null))
                .expectEvents(new InstanceStartRequested(ID, OWNER, NAME, InstanceStatus.STOPPED, HOOK, fast, T0));
        fixture.givenCurrentTime(T0).andGiven(requested(), provisioned(), stopRequested(), stopped())
                .when(new StartInstance(ID, null, null))
                .expectEvents(new InstanceStartRequested(ID, OWNER, NAME, InstanceStatus.STOPPED, HOOK,
                        HealthCheck.DEFAULT, T0));
    }

    @Test
    void aFailedInstanceCanBeStartedAgain() {
        fixture.givenCurrentTime(T0).andGiven(requested(), new InstanceProvisioningFailed(ID, OWNER, NAME, InstanceStatus.CREATING, HOOK, "x", T0))
                .when(new StartInstance(ID, null, null))
                .expectEvents(new InstanceStartRequested(ID, OWNER, NAME, InstanceStatus.FAILED, HOOK,
                        HealthCheck.DEFAULT, T0));
    }

    @Test
    void startingARunningOrStartingInstanceIsHarmlessAndACreatingOneAConflict() {
        fixture.givenCurrentTime(T0).andGiven(requested(), provisioned())
                .when(new StartInstance(ID, null, null)).expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.givenCurrentTime(T0).andGiven(requested(), provisioned(), stopRequested(), stopped(),
                        new InstanceStartRequested(ID, OWNER, NAME, InstanceStatus.STOPPED, HOOK, HealthCheck.DEFAULT, T0))
                .when(new StartInstance(ID, null, null)).expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.givenCurrentTime(T0).andGiven(requested())
                .when(new StartInstance(ID, null, null))
                .expectException(HangarException.class).expectExceptionMessage("Cannot start an instance that is creating");
    }

    @Test
    void theEngineReportsAStartOrItsFailure() {
        InstanceStartRequested starting = new InstanceStartRequested(ID, OWNER, NAME, InstanceStatus.STOPPED, HOOK,
                HealthCheck.DEFAULT, T0);
        fixture.givenCurrentTime(T0).andGiven(requested(), provisioned(), stopRequested(), stopped(), starting)
                .when(new MarkInstanceStarted(ID, "c2", PORTS))
                .expectEvents(new InstanceStarted(ID, OWNER, NAME, InstanceStatus.STARTING, HOOK, "c2", PORTS, T0));
        fixture.givenCurrentTime(T0).andGiven(requested(), provisioned(), stopRequested(), stopped(), starting)
                .when(new FailInstanceStart(ID, "no answer"))
                .expectEvents(new InstanceStartFailed(ID, OWNER, NAME, InstanceStatus.STARTING, HOOK, "no answer", T0));
    }

    @Test
    void aContainerGoneBehindHangarsBackFailsARunningInstanceOnly() {
        fixture.givenCurrentTime(T0).andGiven(requested(), provisioned())
                .when(new RecordInstanceContainerExited(ID, "destroy"))
                .expectEvents(new InstanceContainerExited(ID, OWNER, NAME, InstanceStatus.RUNNING, HOOK,
                        "The container was removed outside Hangar; start the instance to bring it back", T0));
        fixture.givenCurrentTime(T0).andGiven(requested(), provisioned(), stopRequested())
                .when(new RecordInstanceContainerExited(ID, "die"))
                .expectNoEvents();
    }

    @Test
    void deleteIsAcceptedInEveryStateAndOnce() {
        fixture.givenCurrentTime(T0).andGiven(requested())
                .when(new DeleteInstance(ID))
                .expectEvents(new InstanceDeletionRequested(ID, OWNER, NAME, InstanceStatus.CREATING, HOOK, T0));
        fixture.givenCurrentTime(T0).andGiven(requested(), new InstanceDeletionRequested(ID, OWNER, NAME, InstanceStatus.CREATING, HOOK, T0))
                .when(new DeleteInstance(ID))
                .expectNoEvents();
    }
}
