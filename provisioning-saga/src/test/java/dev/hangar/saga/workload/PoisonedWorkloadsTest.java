package dev.hangar.saga.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hangar.kernel.common.SecretBox;
import dev.hangar.kernel.database.DatabaseRequested;
import dev.hangar.kernel.database.DatabaseSuspended;
import dev.hangar.kernel.database.FailDatabase;
import dev.hangar.saga.engine.EngineCatalog;
import dev.hangar.saga.engine.EngineDrivers;
import dev.hangar.saga.provisioning.DatabaseWorkload;
import dev.hangar.saga.provisioning.ProvisioningSettings;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

/** An event the saga cannot handle: retried when the store is away, recorded and skipped otherwise. */
class PoisonedWorkloadsTest {

    private final List<FailDatabase> failed = new CopyOnWriteArrayList<>();
    private final PoisonedWorkloads poisoned;

    PoisonedWorkloadsTest() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(FailDatabase.class.getName(), (CommandMessage<?> m) -> {
            failed.add((FailDatabase) m.getPayload());
            return null;
        });
        DatabaseWorkload databases = new DatabaseWorkload(new EngineCatalog(), new EngineDrivers(),
                new SecretBox(new byte[32]), new ProvisioningSettings("0.0.0.0", "127.0.0.1"));
        poisoned = new PoisonedWorkloads(new WorkloadTypes(List.of(databases)),
                () -> DefaultCommandGateway.builder().commandBus(bus).build());
    }

    private static DatabaseRequested requested() {
        return new DatabaseRequested("db-1", "owner", "redis", "7.0", "db", "default", "v1:x", "localhost", 30001,
                "c", "v", "FREE", 1, 1, Instant.now());
    }

    @Test
    void aRequestThatCannotBeHandledFailsThatDatabaseAndIsShownAsAnIncident() throws Exception {
        poisoned.onError(new IllegalStateException("saga state unreadable"), GenericEventMessage.asEventMessage(requested()),
                null);

        assertThat(failed).containsExactly(new FailDatabase("db-1",
                "Hangar could not handle DatabaseRequested: saga state unreadable"));
        assertThat(poisoned.incidents()).singleElement().satisfies(i -> {
            assertThat(i.workloadId()).isEqualTo("db-1");
            assertThat(i.event()).isEqualTo("DatabaseRequested");
        });
    }

    @Test
    void anotherEventIsRecordedAndSkipped() throws Exception {
        poisoned.onError(new IllegalArgumentException("bad"), GenericEventMessage.asEventMessage(
                new DatabaseSuspended("db-2", Instant.now())), null);

        assertThat(failed).isEmpty();
        assertThat(poisoned.incidents()).extracting(i -> i.workloadId()).containsExactly("db-2");
    }

    @Test
    void aStoreThatCannotBeReachedIsPassingAndTheEventIsRetried() {
        RuntimeException passing = new RuntimeException("tx", new SQLTransientConnectionException("pool exhausted"));

        assertThatThrownBy(() -> poisoned.onError(passing, GenericEventMessage.asEventMessage(requested()), null))
                .isSameAs(passing);
        assertThat(failed).isEmpty();
        assertThat(poisoned.incidents()).isEmpty();
    }
}
