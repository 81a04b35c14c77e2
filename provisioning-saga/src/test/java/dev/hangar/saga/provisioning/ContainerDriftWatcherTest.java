package dev.hangar.saga.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.kernel.common.SecretBox;
import dev.hangar.kernel.database.DatabaseRequested;
import dev.hangar.kernel.database.RecordContainerExited;
import dev.hangar.kernel.instance.RecordInstanceContainerExited;
import dev.hangar.kernel.subscription.Plan;
import dev.hangar.saga.engine.EngineCatalog;
import dev.hangar.saga.engine.EngineDrivers;
import dev.hangar.saga.runtime.ContainerEvent;
import dev.hangar.saga.runtime.DockerContainerRuntime;
import dev.hangar.saga.runtime.DockerTestSupport;
import dev.hangar.saga.runtime.InMemoryContainerRuntime;
import dev.hangar.saga.runtime.Labels;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The drift watcher over a real command bus and gateway, with a handler that records what reaches it. */
class ContainerDriftWatcherTest {

    private DockerContainerRuntime runtime;
    private final List<RecordContainerExited> recorded = new CopyOnWriteArrayList<>();
    private final List<RecordInstanceContainerExited> recordedInstances = new CopyOnWriteArrayList<>();
    private final List<dev.hangar.kernel.service.RecordServiceContainerExited> services = new CopyOnWriteArrayList<>();
    private ContainerDriftWatcher watcher;
    private String instanceId;

    @BeforeEach
    void setUp() {
        runtime = new DockerContainerRuntime(DockerTestSupport.DOCKER_HOST);
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(RecordContainerExited.class.getName(), (CommandMessage<?> message) -> {
            recorded.add((RecordContainerExited) message.getPayload());
            return null;
        });
        bus.subscribe(RecordInstanceContainerExited.class.getName(), (CommandMessage<?> message) -> {
            recordedInstances.add((RecordInstanceContainerExited) message.getPayload());
            return null;
        });
        bus.subscribe(dev.hangar.kernel.service.RecordServiceContainerExited.class.getName(), (CommandMessage<?> message) -> {
            services.add((dev.hangar.kernel.service.RecordServiceContainerExited) message.getPayload());
            return null;
        });
        watcher = new ContainerDriftWatcher(runtime, DefaultCommandGateway.builder().commandBus(bus).build());
        instanceId = DockerTestSupport.newInstanceId();
    }

    @AfterEach
    void tearDown() throws Exception {
        watcher.stop();
        try (DockerTestSupport docker = new DockerTestSupport()) {
            docker.removeAllLabelled(instanceId);
        }
        runtime.close();
    }

    private ContainerEvent event(String action, Map<String, String> labels) {
        return new ContainerEvent("c0ffee", "hangar-db-" + instanceId, action, labels, Instant.now());
    }

    @ParameterizedTest
    @ValueSource(strings = {"die", "stop", "kill", "oom", "destroy"})
    void aContainerGoingAwayIsRecorded(String action) {
        watcher.onEvent(event(action, Map.of(Labels.INSTANCE_ID, instanceId, Labels.ENGINE, "redis")));

        assertThat(recorded).containsExactly(new RecordContainerExited(instanceId, action));
    }

    @ParameterizedTest
    @ValueSource(strings = {"die", "kill", "destroy"})
    void aComputeInstanceContainerGoingAwayIsRecordedOnItsOwnAggregate(String action) {
        watcher.onEvent(event(action, Map.of(Labels.INSTANCE_ID, instanceId, Labels.KIND, "instance")));

        assertThat(recordedInstances).containsExactly(new RecordInstanceContainerExited(instanceId, action));
        assertThat(recorded).isEmpty();
    }

    @Test
    void aServiceContainerGoingAwayIsRecordedForItsServiceAndDeployment() {
        ContainerEvent died = event("die", Map.of(Labels.INSTANCE_ID, instanceId,
                dev.hangar.saga.runtime.Labels.KIND, dev.hangar.saga.service.ServiceWorkload.KIND,
                dev.hangar.saga.service.ServiceWorkload.DEPLOYMENT_LABEL, "dep-1"));
        watcher.onEvent(died);

        assertThat(recorded).isEmpty();
        assertThat(services).containsExactly(
                new dev.hangar.kernel.service.RecordServiceContainerExited(instanceId, "dep-1", "die", died.at()));
    }

    @Test
    void aStartIsNotDrift() {
        watcher.onEvent(event("start", Map.of(Labels.INSTANCE_ID, instanceId)));

        assertThat(recorded).isEmpty();
    }

    @Test
    void aContainerWithoutTheLabelIsNotHangars() {
        watcher.onEvent(event("die", Map.of(Labels.ENGINE, "redis")));
        watcher.onEvent(event("die", Map.of()));
        watcher.onEvent(event("kill", null));

        assertThat(recorded).isEmpty();
    }

    @Test
    void aRefusedRecordIsSwallowed() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(RecordContainerExited.class.getName(), message -> {
            throw new IllegalStateException("no such instance");
        });
        ContainerDriftWatcher refusing = new ContainerDriftWatcher(runtime,
                DefaultCommandGateway.builder().commandBus(bus).build());

        refusing.onEvent(event("die", Map.of(Labels.INSTANCE_ID, instanceId)));
        // and without any handler at all
        new ContainerDriftWatcher(runtime, DefaultCommandGateway.builder()
                .commandBus(SimpleCommandBus.builder().build()).build())
                .onEvent(event("die", Map.of(Labels.INSTANCE_ID, instanceId)));
    }

    @Test
    void aKilledDatabaseContainerIsReportedFromTheEnginesEventStream() throws Exception {
        DockerTestSupport.assertDockerReachable(runtime);
        watcher.start();
        assertThat(watcher.isRunning()).isTrue();

        Map<String, String> images = new HashMap<>();
        images.put("redis", "hangar/redis:7");
        SecretBox secrets = new SecretBox(new byte[32]);
        DatabaseWorkload databases = new DatabaseWorkload(new EngineCatalog(images), new EngineDrivers(), secrets,
                new ProvisioningSettings("0.0.0.0", "127.0.0.1"));
        String container = "hangar-db-" + instanceId;
        runtime.ensureRunning(databases.containerSpec(new DatabaseRequested(instanceId, "user-1", "redis", "7.0", null,
                "default", secrets.encrypt("Drift-Passw0rd"), "localhost", DockerTestSupport.freePort(), container,
                container + "-data", "FREE", Plan.FREE.memoryBytes(), Plan.FREE.nanoCpus(), Instant.now()),
                secrets.encrypt("Drift-Passw0rd")));
        try (DockerTestSupport docker = new DockerTestSupport()) {
            docker.killUntilSeen(runtime, container,
                    () -> recorded.stream().anyMatch(r -> r.instanceId().equals(instanceId) && r.action().equals("die")));
        }

        assertThat(recorded).filteredOn(r -> r.instanceId().equals(instanceId))
                .extracting(RecordContainerExited::action)
                .contains("kill", "die")
                .doesNotContain("start");

        watcher.stop();
        assertThat(watcher.isRunning()).isFalse();
    }

    @Test
    void aContainerThatDiesIsReportedFromTheEnginesStream() throws Exception {
        InMemoryContainerRuntime engine = new InMemoryContainerRuntime().withImages("hangar/redis:7");
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        List<RecordContainerExited> seen = new CopyOnWriteArrayList<>();
        bus.subscribe(RecordContainerExited.class.getName(), (CommandMessage<?> message) -> {
            seen.add((RecordContainerExited) message.getPayload());
            return null;
        });
        ContainerDriftWatcher inMemory = new ContainerDriftWatcher(engine,
                DefaultCommandGateway.builder().commandBus(bus).build());
        inMemory.start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            engine.ensureRunning(new dev.hangar.saga.runtime.ContainerSpec("hangar-db-" + instanceId, "hangar/redis:7",
                    Map.of(), List.of(), Map.of(Labels.INSTANCE_ID, instanceId), 6379, "0.0.0.0", 30001, null, null,
                    0, 0));
            engine.kill("hangar-db-" + instanceId);
            while (seen.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
                engine.kill("hangar-db-" + instanceId); // the watcher may have subscribed after the first death
            }
            assertThat(seen).first().isEqualTo(new RecordContainerExited(instanceId, "die"));
        } finally {
            inMemory.stop();
        }
    }
}
