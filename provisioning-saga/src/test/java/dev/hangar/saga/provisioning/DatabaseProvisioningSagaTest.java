package dev.hangar.saga.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import dev.hangar.kernel.common.SecretBox;
import dev.hangar.kernel.database.CompleteDatabaseDeletion;
import dev.hangar.kernel.database.CompletePasswordRotation;
import dev.hangar.kernel.database.DatabaseDeleted;
import dev.hangar.kernel.database.DatabaseDeletionRequested;
import dev.hangar.kernel.database.DatabasePasswordRotated;
import dev.hangar.kernel.database.DatabasePasswordRotationRequested;
import dev.hangar.kernel.database.DatabaseProvisioningFailed;
import dev.hangar.kernel.database.DatabaseRequested;
import dev.hangar.kernel.database.DatabaseResumeRequested;
import dev.hangar.kernel.database.DatabaseSuspended;
import dev.hangar.kernel.database.DatabaseSuspensionRequested;
import dev.hangar.kernel.database.FailDatabase;
import dev.hangar.kernel.database.FailDatabaseResume;
import dev.hangar.kernel.database.FailPasswordRotation;
import dev.hangar.kernel.database.MarkDatabaseResumed;
import dev.hangar.kernel.database.MarkDatabaseRunning;
import dev.hangar.kernel.database.MarkDatabaseSuspended;
import dev.hangar.kernel.subscription.Plan;
import dev.hangar.saga.engine.EngineCatalog;
import dev.hangar.saga.engine.EngineDrivers;
import dev.hangar.saga.runtime.ContainerState;
import dev.hangar.saga.runtime.DockerContainerRuntime;
import dev.hangar.saga.runtime.DockerTestSupport;
import dev.hangar.saga.runtime.Labels;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.axonframework.messaging.Message;
import org.axonframework.test.saga.FixtureExecutionResult;
import org.axonframework.test.saga.SagaTestFixture;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * The provisioning saga in Axon's saga fixture (which records the commands it dispatches) over a
 * REAL provisioner: real Docker, real Redis containers, real logins. Fails when Docker is absent.
 */
class DatabaseProvisioningSagaTest {

    private static final SecretBox SECRETS = new SecretBox(new byte[32]);
    private static final Map<String, String> IMAGES = Map.of("redis", "hangar/redis:7", "postgresql",
            "hangar/postgres:15");
    private static final ProvisioningSettings SETTINGS = new ProvisioningSettings("0.0.0.0", "127.0.0.1",
            Duration.ofSeconds(60));
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private static DockerContainerRuntime runtime;
    private static DockerTestSupport docker;

    private String instanceId;
    private String password;
    private int port;
    private DatabaseRequested requested;
    private Provisioner provisioner;
    private SagaTestFixture<DatabaseProvisioningSaga> fixture;

    @BeforeAll
    static void connect() {
        runtime = new DockerContainerRuntime(DockerTestSupport.DOCKER_HOST);
        docker = new DockerTestSupport();
        DockerTestSupport.assertDockerReachable(runtime);
    }

    @AfterAll
    static void disconnect() throws Exception {
        runtime.close();
        docker.close();
    }

    @BeforeEach
    void setUp() {
        instanceId = DockerTestSupport.newInstanceId();
        password = "Pw-" + java.util.UUID.randomUUID().toString().substring(0, 12);
        port = DockerTestSupport.freePort();
        requested = requested("redis");
        provisioner = provisioner(new EngineCatalog(IMAGES));
        fixture = fixture(provisioner);
    }

    @AfterEach
    void cleanUp() {
        // whatever the test did or failed to do: nothing of it stays on the host
        docker.removeAllLabelled(instanceId);
        runtime.remove(requested.containerName(), requested.volumeName());
    }

    private DatabaseRequested requested(String engine) {
        String container = "hangar-db-" + instanceId;
        return new DatabaseRequested(instanceId, "user-1", engine, "7.0", "db_0123abcd", "default",
                SECRETS.encrypt(password), "localhost", port, container, container + "-data", "FREE",
                Plan.FREE.memoryBytes(), Plan.FREE.nanoCpus(), T0);
    }

    private static Provisioner provisioner(EngineCatalog catalog) {
        return new Provisioner(runtime, catalog, new EngineDrivers(), SECRETS, SETTINGS);
    }

    private static SagaTestFixture<DatabaseProvisioningSaga> fixture(Provisioner provisioner) {
        SagaTestFixture<DatabaseProvisioningSaga> fixture = new SagaTestFixture<>(DatabaseProvisioningSaga.class);
        fixture.registerResource(provisioner);
        return fixture;
    }

    // --- helpers ----------------------------------------------------------------------------

    private Optional<ContainerState> container() {
        return runtime.inspect(requested.containerName());
    }

    private List<Container> labelledContainers() {
        return docker.docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(Labels.INSTANCE_ID, instanceId)).exec();
    }

    private boolean volumeExists() {
        try {
            docker.docker.inspectVolumeCmd(requested.volumeName()).exec();
            return true;
        } catch (com.github.dockerjava.api.exception.NotFoundException e) {
            return false;
        }
    }

    private Jedis login(String withPassword) {
        Jedis jedis = new Jedis(new HostAndPort("127.0.0.1", port), DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(2000).socketTimeoutMillis(5000).build());
        assertThat(jedis.auth(withPassword)).isEqualTo("OK");
        return jedis;
    }

    private void assertAcceptsOnly(String accepted, String refused) {
        try (Jedis jedis = login(accepted)) {
            assertThat(jedis.ping()).isEqualTo("PONG");
        }
        assertThatThrownBy(() -> login(refused).close())
                .hasMessageContaining("WRONGPASS");
    }

    /** One dispatched command, of the type, for this instance, satisfying the check. */
    private <T> Matcher<List<Message<?>>> onlyCommand(Class<T> type, Predicate<T> check) {
        return payloadsMatching(exactSequenceOf(new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                return type.isInstance(actual) && instanceId.equals(instanceIdOf(actual)) && check.test(type.cast(actual));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a " + type.getSimpleName() + " for " + instanceId);
            }
        }));
    }

    private static String instanceIdOf(Object command) {
        try {
            return (String) command.getClass().getMethod("instanceId").invoke(command);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private FixtureExecutionResult afterRequest(Object event, Object... history) {
        Object[] all = new Object[history.length + 1];
        all[0] = requested;
        System.arraycopy(history, 0, all, 1, history.length);
        return fixture.givenAggregate(instanceId).published(all).whenPublishingA(event);
    }

    // --- DatabaseRequested ------------------------------------------------------------------

    @Test
    void aRequestedDatabaseRunsAndIsMarkedRunning() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested)
                .expectActiveSagas(1)
                .expectAssociationWith("instanceId", instanceId)
                .expectDispatchedCommandsMatching(onlyCommand(MarkDatabaseRunning.class,
                        c -> c.containerId() != null && !c.containerId().isBlank()));

        ContainerState state = container().orElseThrow();
        assertThat(state.running()).isTrue();
        assertThat(state.labels()).containsEntry(Labels.INSTANCE_ID, instanceId).containsEntry(Labels.OWNER, "user-1")
                .containsEntry(Labels.ENGINE, "redis");
        assertThat(labelledContainers()).singleElement()
                .satisfies(c -> assertThat(c.getId()).isEqualTo(state.containerId()));
        InspectContainerResponse info = docker.docker.inspectContainerCmd(state.containerId()).exec();
        assertThat(info.getConfig().getImage()).isEqualTo("hangar/redis:7");
        assertThat(info.getHostConfig().getMemory()).isEqualTo(Plan.FREE.memoryBytes());
        assertThat(info.getHostConfig().getNanoCPUs()).isEqualTo(Plan.FREE.nanoCpus());
        assertThat(String.join(" ", info.getConfig().getCmd())).doesNotContain(password);
        assertThat(info.getConfig().getEnv()).noneMatch(e -> e.contains(password));
        assertThat(volumeExists()).isTrue();
        assertAcceptsOnly(password, "not-" + password);
    }

    @Test
    void theDispatchedContainerIdIsTheRunningContainers() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested)
                .expectDispatchedCommandsMatching(onlyCommand(MarkDatabaseRunning.class,
                        c -> c.containerId().equals(container().orElseThrow().containerId())));
    }

    @Test
    void anEngineWhoseImageIsMissingFailsTheDatabaseAndLeavesNothing() {
        fixture = fixture(provisioner(new EngineCatalog(Map.of("redis", "nope/missing:1"))));

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested)
                .expectDispatchedCommandsMatching(onlyCommand(FailDatabase.class,
                        c -> c.reason().contains("nope/missing:1")));

        assertThat(container()).isEmpty();
        assertThat(labelledContainers()).isEmpty();
        assertThat(volumeExists()).isFalse();
        assertThat(docker.volumesLabelled(instanceId)).isEmpty();
    }

    @Test
    void anUnknownEngineFailsTheDatabase() {
        requested = requested("oracle");

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested)
                .expectDispatchedCommandsMatching(onlyCommand(FailDatabase.class,
                        c -> c.reason().contains("Unknown engine oracle")));

        assertThat(container()).isEmpty();
    }

    @Test
    void aRequestRepeatedAfterACrashCarriesOnWithTheFirstAttemptsContainer() {
        // the first delivery made the container, then Hangar stopped before recording anything
        String firstId = provisioner.run(DatabaseTarget.of(requested));

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested)
                .expectDispatchedCommandsMatching(onlyCommand(MarkDatabaseRunning.class,
                        c -> c.containerId().equals(firstId)));

        assertThat(labelledContainers()).singleElement()
                .satisfies(c -> assertThat(c.getId()).isEqualTo(firstId));
        assertAcceptsOnly(password, "other");
    }

    @Test
    void aProvisioningFailureEndsTheSaga() {
        fixture.givenAggregate(instanceId).published(requested)
                .whenPublishingA(new DatabaseProvisioningFailed(instanceId, "user-1", port, "boom", T0))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    // --- suspend / resume -------------------------------------------------------------------

    @Test
    void suspensionStopsTheContainerAndKeepsTheVolume() {
        afterRequest(new DatabaseSuspensionRequested(instanceId, T0))
                .expectActiveSagas(1)
                .expectDispatchedCommandsMatching(onlyCommand(MarkDatabaseSuspended.class, c -> true));

        ContainerState state = container().orElseThrow();
        assertThat(state.running()).isFalse();
        assertThat(state.status()).isEqualTo("exited");
        assertThat(volumeExists()).isTrue();
    }

    @Test
    void resumeRunsTheSameContainerOnTheSamePortAgain() {
        String firstId = provisioner.run(DatabaseTarget.of(requested));
        try (Jedis jedis = login(password)) {
            jedis.set("kept", "across a suspension");
        }

        afterRequest(new DatabaseResumeRequested(instanceId, T0), new DatabaseSuspensionRequested(instanceId, T0),
                new DatabaseSuspended(instanceId, T0))
                .expectDispatchedCommandsMatching(onlyCommand(MarkDatabaseResumed.class,
                        c -> c.containerId().equals(firstId)));

        ContainerState state = container().orElseThrow();
        assertThat(state.running()).isTrue();
        assertThat(state.containerId()).isEqualTo(firstId);
        Ports.Binding[] bindings = docker.docker.inspectContainerCmd(firstId).exec().getNetworkSettings().getPorts()
                .getBindings().get(ExposedPort.tcp(6379));
        assertThat(bindings).isNotEmpty().allSatisfy(b -> assertThat(b.getHostPortSpec()).isEqualTo(String.valueOf(port)));
        try (Jedis jedis = login(password)) {
            assertThat(jedis.get("kept")).isEqualTo("across a suspension");
        }
    }

    @Test
    void resumeAfterTheContainerVanishedRecreatesItOnTheVolume() {
        provisioner.run(DatabaseTarget.of(requested));
        try (Jedis jedis = login(password)) {
            jedis.set("kept", "on the volume");
            jedis.save();
        }
        // removed behind Hangar's back, volume kept
        runtime.remove(requested.containerName(), null);

        afterRequest(new DatabaseResumeRequested(instanceId, T0))
                .expectDispatchedCommandsMatching(onlyCommand(MarkDatabaseResumed.class, c -> true));

        try (Jedis jedis = login(password)) {
            assertThat(jedis.get("kept")).isEqualTo("on the volume");
        }
    }

    @Test
    void aResumeThatCannotRunFailsTheResume() {
        // the saga learnt its target from the request; the engine's image disappears from the catalog
        fixture = fixture(provisioner(new EngineCatalog(Map.of("redis", "nope/missing:1"))));
        fixture.givenAggregate(instanceId).published(requested, new DatabaseSuspensionRequested(instanceId, T0),
                        new DatabaseSuspended(instanceId, T0))
                .whenPublishingA(new DatabaseResumeRequested(instanceId, T0))
                .expectActiveSagas(1)
                .expectDispatchedCommandsMatching(onlyCommand(FailDatabaseResume.class,
                        c -> c.reason().contains("nope/missing:1")));
    }

    // --- password rotation ------------------------------------------------------------------

    @Test
    void aRotationChangesThePasswordInTheEngine() {
        String newPassword = "New-" + java.util.UUID.randomUUID().toString().substring(0, 12);

        afterRequest(new DatabasePasswordRotationRequested(instanceId, "rot-1", SECRETS.encrypt(newPassword), T0))
                .expectDispatchedCommandsMatching(onlyCommand(CompletePasswordRotation.class,
                        c -> c.rotationId().equals("rot-1")));

        assertAcceptsOnly(newPassword, password);
    }

    @Test
    void aRotationTheEngineRefusesFailsAndKeepsThePassword() {
        var given = fixture.givenAggregate(instanceId).published(requested);
        // the given request ran the container; it stops before the rotation reaches the engine
        assertThat(container().orElseThrow().running()).isTrue();
        runtime.stop(requested.containerName());

        given.whenPublishingA(new DatabasePasswordRotationRequested(instanceId, "rot-1", SECRETS.encrypt("New-Passw0rd"),
                        T0))
                .expectActiveSagas(1)
                .expectDispatchedCommandsMatching(onlyCommand(FailPasswordRotation.class,
                        c -> c.rotationId().equals("rot-1") && c.reason().startsWith("The engine refused")));

        runtime.start(requested.containerName());
        awaitLogin(password);
        assertAcceptsOnly(password, "New-Passw0rd");
    }

    @Test
    void aRotatedPasswordIsWhatTheSagaUsesFromThenOn() {
        String newPassword = "New-" + java.util.UUID.randomUUID().toString().substring(0, 12);
        String ciphertext = SECRETS.encrypt(newPassword);

        // rotate, record it, suspend; a resume now waits for a login with the NEW password
        afterRequest(new DatabaseResumeRequested(instanceId, T0),
                new DatabasePasswordRotationRequested(instanceId, "rot-1", ciphertext, T0),
                new DatabasePasswordRotated(instanceId, "rot-1", ciphertext, T0),
                new DatabaseSuspensionRequested(instanceId, T0), new DatabaseSuspended(instanceId, T0))
                .expectDispatchedCommandsMatching(onlyCommand(MarkDatabaseResumed.class, c -> true));

        assertAcceptsOnly(newPassword, password);
        // a second rotation authenticates with the rotated password
        afterRequestAgainRotates(ciphertext);
    }

    private void afterRequestAgainRotates(String currentCiphertext) {
        String third = "Third-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        provisioner.changePassword(DatabaseTarget.of(requested).withPassword(currentCiphertext),
                SECRETS.encrypt(third));
        assertAcceptsOnly(third, password);
    }

    private void awaitLogin(String withPassword) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try (Jedis jedis = login(withPassword)) {
                return;
            } catch (RuntimeException | AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(interrupted);
                }
            }
        }
    }

    // --- deletion ---------------------------------------------------------------------------

    @Test
    void deletionRemovesContainerAndVolume() {
        afterRequest(new DatabaseDeletionRequested(instanceId, T0))
                .expectActiveSagas(1)
                .expectDispatchedCommandsMatching(onlyCommand(CompleteDatabaseDeletion.class, c -> true));

        assertThat(container()).isEmpty();
        assertThat(labelledContainers()).isEmpty();
        assertThat(volumeExists()).isFalse();
        assertThat(docker.volumesLabelled(instanceId)).isEmpty();
    }

    @Test
    void deletionOfASuspendedDatabaseRemovesContainerAndVolume() {
        afterRequest(new DatabaseDeletionRequested(instanceId, T0), new DatabaseSuspensionRequested(instanceId, T0),
                new DatabaseSuspended(instanceId, T0))
                .expectDispatchedCommandsMatching(onlyCommand(CompleteDatabaseDeletion.class, c -> true));

        assertThat(labelledContainers()).isEmpty();
        assertThat(volumeExists()).isFalse();
    }

    @Test
    void databaseDeletedEndsTheSaga() {
        afterRequest(new DatabaseDeleted(instanceId, "user-1", port, T0), new DatabaseDeletionRequested(instanceId, T0))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void eventsOfAnotherInstanceDoNotReachTheSaga() {
        fixture.givenAggregate(instanceId).published(requested)
                .whenPublishingA(new DatabaseDeletionRequested("test-someone-else", T0))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);

        assertThat(container()).get().extracting(ContainerState::running).isEqualTo(true);
    }
}
