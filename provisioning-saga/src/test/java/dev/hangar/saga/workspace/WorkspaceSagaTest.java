package dev.hangar.saga.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.kernel.workspace.ConnectedInstanceModified;
import dev.hangar.kernel.workspace.ConnectedInstanceRemoved;
import dev.hangar.kernel.workspace.InstanceConnected;
import dev.hangar.kernel.workspace.InstanceConnection;
import dev.hangar.kernel.workspace.InstanceDisconnected;
import dev.hangar.kernel.workspace.InstanceProfile;
import dev.hangar.kernel.workspace.InstanceType;
import dev.hangar.kernel.workspace.SslMode;
import dev.hangar.saga.workload.Due;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The periodic check of a connected instance: durable deadlines, generations instead of cancels. */
class WorkspaceSagaTest {

    static final String ID = "inst-1";
    static final Duration FIRST = Duration.ofSeconds(45);
    static final Duration NEXT = Duration.ofSeconds(60);
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** Records what it was asked to probe; the real one works on its executor and reports a command. */
    static final class RecordingProber implements InstanceProber {
        final List<String> probes = new ArrayList<>();

        @Override
        public void probe(String tenantId, String instanceId, InstanceConnection connection, boolean onDemand) {
            probes.add(connection.host() + "@" + connection.revision() + (onDemand ? " on demand" : " check"));
        }

        @Override
        public Duration nextCheck(boolean first) {
            return first ? FIRST : NEXT;
        }
    }

    SagaTestFixture<ConnectedInstanceSaga> fixture;
    RecordingProber prober;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(ConnectedInstanceSaga.class);
        prober = new RecordingProber();
        fixture.registerResource(prober);
    }

    static InstanceConnection connection(String host, long revision) {
        return new InstanceConnection(InstanceType.POSTGRESQL, host, 5432, "app", "v1:x", false, SslMode.PREFER, null,
                null, null, revision);
    }

    static InstanceProfile profile(boolean enabled) {
        return new InstanceProfile("db", "d", "postgresql", null, null, enabled);
    }

    static InstanceConnected connected() {
        return new InstanceConnected(ID, "t1", "ws", "u1", profile(true), connection("a", 1), T0);
    }

    @Test
    void aConnectProbesAtOnceAndSchedulesTheFirstCheck() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(connected())
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(FIRST, ConnectedInstanceSaga.CHECK);
        assertThat(prober.probes).containsExactly("a@1 on demand");
    }

    @Test
    void eachCheckProbesAndSchedulesTheNext() {
        fixture.givenAPublished(connected())
                .whenTimeElapses(FIRST)
                .expectDeadlinesMet(new Due(ID, 0))
                .expectScheduledDeadlineWithName(NEXT, ConnectedInstanceSaga.CHECK);
        assertThat(prober.probes).containsExactly("a@1 on demand", "a@1 check");
    }

    @Test
    void aChangeOfAddressProbesTheNewAddressAndVoidsTheOldCheck() {
        fixture.givenAPublished(connected())
                .andThenAPublished(new ConnectedInstanceModified(ID, "t1", "ws", profile(true), connection("b", 2), true, T0))
                .whenTimeElapses(FIRST)
                .expectScheduledDeadlineWithName(NEXT, ConnectedInstanceSaga.CHECK);
        // both deadlines came due at FIRST: the old generation's did nothing, the new one probed and rescheduled
        assertThat(prober.probes).containsExactly("a@1 on demand", "b@2 on demand", "b@2 check");
    }

    @Test
    void aDisconnectedInstanceIsNotCheckedAnyMore() {
        fixture.givenAPublished(connected())
                .andThenAPublished(new InstanceDisconnected(ID, "t1", "ws", T0))
                .whenTimeElapses(FIRST.multipliedBy(3))
                .expectNoScheduledDeadlines();
        assertThat(prober.probes).containsExactly("a@1 on demand");
    }

    @Test
    void aRemovedInstanceEndsItsSaga() {
        fixture.givenAPublished(connected())
                .whenPublishingA(new ConnectedInstanceRemoved(ID, "t1", "ws", "db", T0))
                .expectActiveSagas(0);
    }
}
