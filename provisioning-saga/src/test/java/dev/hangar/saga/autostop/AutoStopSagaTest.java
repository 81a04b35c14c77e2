package dev.hangar.saga.autostop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.kernel.instance.AutoStopSettings;
import dev.hangar.kernel.instance.CheckInstanceIdle;
import dev.hangar.kernel.instance.IdleVerdict;
import dev.hangar.kernel.instance.InstanceAutoStopRequested;
import dev.hangar.kernel.instance.InstanceProvisioned;
import dev.hangar.kernel.instance.InstanceStarted;
import dev.hangar.kernel.instance.InstanceStatus;
import dev.hangar.kernel.instance.InstanceStopRequested;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The durable looks at a running instance: at once, then when it would be idle (at the latest every check interval). */
class AutoStopSagaTest {

    static final String ID = "inst-1";
    static final Duration INTERVAL = Duration.ofMinutes(5);
    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    SagaTestFixture<AutoStopSaga> fixture;
    final List<CheckInstanceIdle> checks = new ArrayList<>();
    /** What the instance answers to each check, in order. */
    final Deque<Function<Instant, IdleVerdict>> answers = new ArrayDeque<>();

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(AutoStopSaga.class);
        fixture.registerResource(new AutoStopSettings(true, Duration.ofMinutes(20), INTERVAL));
        fixture.setCallbackBehavior((command, metaData) -> {
            checks.add((CheckInstanceIdle) command);
            return answers.poll().apply(T0);
        });
    }

    static InstanceProvisioned provisioned(Instant at) {
        return new InstanceProvisioned(ID, "u1", "box", InstanceStatus.CREATING, null, "c1", List.of(), at);
    }

    static IdleVerdict notIdle(Instant dueAt) {
        return new IdleVerdict(ID, true, false, false, Instant.EPOCH, dueAt, T0);
    }

    @Test
    void aRunningInstanceIsLookedAtOnceAndThenWhenItWouldBeIdle() {
        fixture.givenCurrentTime(T0).whenPublishingA(provisioned(T0))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(Duration.ZERO, AutoStopSaga.LOOK);
        answers.add(now -> notIdle(now.plus(Duration.ofMinutes(3))));
        fixture.whenTimeElapses(Duration.ZERO)
                .expectScheduledDeadlineWithName(T0.plus(Duration.ofMinutes(3)), AutoStopSaga.LOOK);
        assertThat(checks).containsExactly(new CheckInstanceIdle(ID, false));
    }

    @Test
    void aFarDueTimeIsLookedAtAgainAfterTheCheckInterval() {
        answers.add(now -> notIdle(now.plus(Duration.ofHours(2))));
        fixture.givenCurrentTime(T0).andThenAPublished(provisioned(T0)).whenTimeElapses(Duration.ZERO)
                .expectScheduledDeadlineWithName(T0.plus(INTERVAL), AutoStopSaga.LOOK);
    }

    @Test
    void anInstanceThatStoppedItselfEndsTheLooks() {
        answers.add(now -> new IdleVerdict(ID, true, true, true, Instant.EPOCH, now, now));
        fixture.givenCurrentTime(T0).andThenAPublished(provisioned(T0))
                .whenTimeElapses(Duration.ZERO)
                .expectNoScheduledDeadlines();
        fixture.whenPublishingA(new InstanceAutoStopRequested(ID, "u1", "box", InstanceStatus.RUNNING, null,
                        Instant.EPOCH, 1200, "auto-stop", T0))
                .expectActiveSagas(0);
    }

    @Test
    void aLookOfAnEarlierRunningPeriodIsIgnored() {
        // stopped and started again before the first look came due: only the new period's look asks
        fixture.givenCurrentTime(T0).andThenAPublished(provisioned(T0))
                .andThenAPublished(new InstanceStarted(ID, "u1", "box", InstanceStatus.STARTING, null, "c2", List.of(),
                        T0));
        answers.add(now -> notIdle(now.plus(Duration.ofMinutes(1))));
        fixture.whenTimeElapses(Duration.ZERO)
                .expectScheduledDeadlineWithName(T0.plus(Duration.ofMinutes(1)), AutoStopSaga.LOOK);
        assertThat(checks).hasSize(1);
    }

    @Test
    void anOwnersStopEndsTheWatch() {
        fixture.givenCurrentTime(T0).andThenAPublished(provisioned(T0))
                .whenPublishingA(new InstanceStopRequested(ID, "u1", "box", InstanceStatus.RUNNING, null,
                        T0))
                .expectActiveSagas(0);
        fixture.whenTimeElapses(Duration.ofHours(1));
        assertThat(checks).isEmpty();
    }

    @Test
    void withAutoStopOffTheInstanceIsNotAskedButStillWatched() {
        fixture = new SagaTestFixture<>(AutoStopSaga.class);
        fixture.registerResource(new AutoStopSettings(false, Duration.ofMinutes(20), INTERVAL));
        fixture.setCallbackBehavior((command, metaData) -> {
            checks.add((CheckInstanceIdle) command);
            return null;
        });
        fixture.givenCurrentTime(T0).andThenAPublished(provisioned(T0))
                .whenTimeElapses(Duration.ZERO)
                .expectScheduledDeadlineWithName(T0.plus(INTERVAL), AutoStopSaga.LOOK);
        assertThat(checks).isEmpty();
    }
}
