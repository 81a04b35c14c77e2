package dev.hangar.saga.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.kernel.common.SecretBox;
import dev.hangar.kernel.database.DatabaseRequested;
import dev.hangar.kernel.database.Engine;
import dev.hangar.kernel.database.MarkDatabaseRunning;
import dev.hangar.kernel.subscription.Plan;
import dev.hangar.saga.engine.EngineCatalog;
import dev.hangar.saga.engine.EngineDrivers;
import dev.hangar.saga.engine.InMemoryEngineDriver;
import dev.hangar.saga.provisioning.DatabaseWorkload;
import dev.hangar.saga.provisioning.ProvisioningSettings;
import dev.hangar.saga.runtime.InMemoryContainerRuntime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine on its own threads, over a real command bus whose handler records what arrives. */
class WorkloadEngineTest {

    private static final SecretBox SECRETS = new SecretBox(new byte[32]);
    private static final String IMAGE = "hangar/redis:7";

    private final InMemoryContainerRuntime runtime = new InMemoryContainerRuntime().withImages(IMAGE);
    private final List<MarkDatabaseRunning> running = new CopyOnWriteArrayList<>();
    private WorkloadEngine engine;

    @BeforeEach
    void setUp() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(MarkDatabaseRunning.class.getName(), (CommandMessage<?> m) -> {
            running.add((MarkDatabaseRunning) m.getPayload());
            return null;
        });
        DatabaseWorkload databases = new DatabaseWorkload(new EngineCatalog(Map.of("redis", IMAGE)),
                new EngineDrivers(List.of(new InMemoryEngineDriver(Engine.REDIS, runtime))), SECRETS,
                new ProvisioningSettings("0.0.0.0", "127.0.0.1"));
        engine = new WorkloadEngine(runtime, new WorkloadTypes(List.of(databases)),
                DefaultCommandGateway.builder().commandBus(bus).build(),
                new WorkloadSettings(Duration.ofMillis(250), Duration.ofSeconds(60), Duration.ofSeconds(5),
                        Duration.ofSeconds(30), true, 4, 2, 4));
    }

    @AfterEach
    void tearDown() {
        runtime.release("hangar-db-a-1");
        runtime.release("hangar-db-a-2");
        engine.close();
    }

    private static DatabaseRequested requested(String id, String owner, int port) {
        return new DatabaseRequested(id, owner, "redis", "7.0", "db", "default", SECRETS.encrypt("Passw0rd-" + id),
                "localhost", port, "hangar-db-" + id, "hangar-db-" + id + "-data", "FREE", Plan.FREE.memoryBytes(),
                Plan.FREE.nanoCpus(), Instant.now());
    }

    @Test
    void anotherTenantsDatabaseComesUpWhileOneTenantsEngineHangs() throws Exception {
        runtime.hold("hangar-db-a-1");
        runtime.hold("hangar-db-a-2");
        engine.begin(requested("a-1", "tenant-a", 30001), SECRETS.encrypt("Passw0rd-a-1"), WorkloadEngine.Mode.CREATE);
        engine.begin(requested("a-2", "tenant-a", 30002), SECRETS.encrypt("Passw0rd-a-2"), WorkloadEngine.Mode.CREATE);

        DatabaseRequested other = requested("b-1", "tenant-b", 30003);
        engine.begin(other, other.passwordCiphertext(), WorkloadEngine.Mode.CREATE);

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (running.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(running).containsExactly(new MarkDatabaseRunning("b-1", "id-hangar-db-b-1"));
        // b's operation ends just after its report; then only tenant a's two hanging creates are left
        while (engine.running() > 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(engine.running()).as("tenant a's two hanging creates").isEqualTo(2);
    }

    @Test
    void aCheckIsSkippedWhileTheWorkloadsPreviousOperationIsStillGoing() throws Exception {
        runtime.hold("hangar-db-a-1");
        DatabaseRequested slow = requested("a-1", "tenant-a", 30001);
        engine.begin(slow, slow.passwordCiphertext(), WorkloadEngine.Mode.CREATE);
        for (int i = 0; i < 5; i++) {
            engine.check(slow, slow.passwordCiphertext(), WorkloadEngine.Mode.CREATE);
        }

        assertThat(engine.queued()).as("no pile of checks behind the hanging create").isZero();
        runtime.release("hangar-db-a-1");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (running.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(running).containsExactly(new MarkDatabaseRunning("a-1", "id-hangar-db-a-1"));
    }
}
