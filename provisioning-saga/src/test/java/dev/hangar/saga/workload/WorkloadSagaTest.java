package dev.hangar.saga.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.kernel.common.SecretBox;
import dev.hangar.kernel.database.CompleteDatabaseDeletion;
import dev.hangar.kernel.database.CompletePasswordRotation;
import dev.hangar.kernel.database.DatabaseDeleted;
import dev.hangar.kernel.database.DatabaseDeletionRequested;
import dev.hangar.kernel.database.DatabasePasswordRotated;
import dev.hangar.kernel.database.DatabasePasswordRotationRequested;
import dev.hangar.kernel.database.DatabaseProvisioned;
import dev.hangar.kernel.database.DatabaseProvisioningFailed;
import dev.hangar.kernel.database.DatabaseRequested;
import dev.hangar.kernel.database.DatabaseResumeRequested;
import dev.hangar.kernel.database.DatabaseSuspended;
import dev.hangar.kernel.database.DatabaseSuspensionRequested;
import dev.hangar.kernel.database.Engine;
import dev.hangar.kernel.database.FailDatabase;
import dev.hangar.kernel.database.FailPasswordRotation;
import dev.hangar.kernel.database.MarkDatabaseResumed;
import dev.hangar.kernel.database.MarkDatabaseRunning;
import dev.hangar.kernel.database.MarkDatabaseSuspended;
import dev.hangar.kernel.subscription.Plan;
import dev.hangar.saga.engine.EngineCatalog;
import dev.hangar.saga.engine.EngineDrivers;
import dev.hangar.saga.engine.InMemoryEngineDriver;
import dev.hangar.saga.engine.InMemoryEngineDriver.ChangeBehaviour;
import dev.hangar.saga.provisioning.DatabaseWorkload;
import dev.hangar.saga.provisioning.ProvisioningSettings;
import dev.hangar.saga.runtime.InMemoryContainerRuntime;
import dev.hangar.saga.runtime.PullPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The workload saga in Axon's saga fixture, driving a real {@link WorkloadEngine} (run inline) over
 * the in-memory container engine and database driver: what it decides, which commands its
 * outcomes become, what is left on the host, and how it waits (the fixture's deadline manager).
 */
class WorkloadSagaTest {

    private static final SecretBox SECRETS = new SecretBox(new byte[32]);
    private static final String ID = "db-1";
    private static final String IMAGE = "hangar/redis:7";
    private static final String CONTAINER = "hangar-db-" + ID;
    private static final String VOLUME = CONTAINER + "-data";
    private static final String PASSWORD = "Initial-Passw0rd";
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final WorkloadSettings SETTINGS = new WorkloadSettings(Duration.ofMillis(250), Duration.ofSeconds(60),
            Duration.ofSeconds(5), Duration.ofSeconds(30), true, 4, 2, 4);

    private InMemoryContainerRuntime runtime;
    private InMemoryEngineDriver engineDriver;
    private SagaTestFixture<WorkloadSaga> fixture;

    @BeforeEach
    void setUp() {
        setUpWith(new InMemoryContainerRuntime().withImages(IMAGE).withPullPolicy(PullPolicy.NEVER));
    }

    private static DatabaseRequested requested() {
        return new DatabaseRequested(ID, "owner-1", "redis", "7.0", "db_1", "default", SECRETS.encrypt(PASSWORD),
                "localhost", 30001, CONTAINER, VOLUME, "FREE", Plan.FREE.memoryBytes(), Plan.FREE.nanoCpus(), T0);
    }

    private static DatabaseProvisioned provisioned() {
        return new DatabaseProvisioned(ID, "id-" + CONTAINER, T0);
    }

    @Test
    void aRequestedDatabaseRunsAndIsRecordedRunningOnceItAcceptsALogin() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested())
                .expectActiveSagas(1)
                .expectDispatchedCommands(new MarkDatabaseRunning(ID, "id-" + CONTAINER))
                .expectScheduledDeadlineWithName(SETTINGS.readinessTimeout(), WorkloadSaga.TIMEOUT);

        InMemoryContainerRuntime.Container container = runtime.container(CONTAINER).orElseThrow();
        assertThat(container.running).isTrue();
        assertThat(container.spec.memoryBytes()).isEqualTo(Plan.FREE.memoryBytes());
        assertThat(container.spec.nanoCpus()).as("created without the CPU limit, so it initialises at full speed")
                .isZero();
        assertThat(container.nanoCpus).as("the plan's limit, once ready").isEqualTo(Plan.FREE.nanoCpus());
        assertThat(runtime.hasVolume(VOLUME)).isTrue();
    }

    @Test
    void aDatabaseNotReadyYetIsCheckedAgainByADeadline() {
        engineDriver.readyOnStart(false);

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested())
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(SETTINGS.probeInterval(), WorkloadSaga.CHECK);

        engineDriver.makeReady(CONTAINER);
        fixture.whenTimeElapses(SETTINGS.probeInterval())
                .expectDispatchedCommands(new MarkDatabaseRunning(ID, "id-" + CONTAINER));
    }

    @Test
    void aDatabaseThatNeverBecomesReadyIsRemovedAndRecordedFailedAtTheTimeOut() {
        engineDriver.readyOnStart(false);
        fixture.givenAPublished(requested())
                .whenTimeElapses(SETTINGS.readinessTimeout())
                .expectDispatchedCommands(new FailDatabase(ID, "The workload did not become ready within 60 s"));

        assertThat(runtime.container(CONTAINER)).isEmpty();
        assertThat(runtime.hasVolume(VOLUME)).isFalse();
    }

    @Test
    void aContainerThatDiesBeforeItIsReadyFailsAtOnceAndIsRemoved() {
        engineDriver.readyOnStart(false);
        fixture.givenAPublished(requested());
        runtime.kill(CONTAINER);

        fixture.whenTimeElapses(SETTINGS.probeInterval())
                .expectDispatchedCommands(new FailDatabase(ID, "The container stopped before it was ready (exited)"));
        assertThat(runtime.container(CONTAINER)).isEmpty();
        assertThat(runtime.hasVolume(VOLUME)).isFalse();
    }

    @Test
    void anImageTheHostDoesNotHaveAndMayNotPullFailsWithTheReason() {
        setUpWith(new InMemoryContainerRuntime().withPullPolicy(PullPolicy.NEVER));

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested())
                .expectDispatchedCommands(new FailDatabase(ID, "image " + IMAGE + " is not present on the host and the "
                        + "pull policy is never; cannot create container " + CONTAINER));
    }

    @Test
    void aMissingImageIsPulledWhereThePolicyAllows() {
        setUpWith(new InMemoryContainerRuntime().withPullable(IMAGE).withPullPolicy(PullPolicy.MISSING));

        fixture.givenNoPriorActivity()
                .whenPublishingA(requested())
                .expectDispatchedCommands(new MarkDatabaseRunning(ID, "id-" + CONTAINER));
        assertThat(runtime.hasImage(IMAGE)).isTrue();
    }

    @Test
    void aSecretThatCannotBeDecryptedFailsThatDatabaseOnly() {
        DatabaseRequested foreign = new DatabaseRequested(ID, "owner-1", "redis", "7.0", "db_1", "default",
                new SecretBox(otherKey()).encrypt(PASSWORD), "localhost", 30001, CONTAINER, VOLUME,
                "FREE", Plan.FREE.memoryBytes(), Plan.FREE.nanoCpus(), T0);

        fixture.givenNoPriorActivity()
                .whenPublishingA(foreign)
                .expectDispatchedCommands(new FailDatabase(ID, "cannot decrypt: wrong key or tampered ciphertext"));
    }

    @Test
    void aDeleteWhileCreatingCancelsTheProvisioningAndRemovesWhatWasMade() {
        engineDriver.readyOnStart(false);
        fixture.givenAPublished(requested())
                .whenPublishingA(new DatabaseDeletionRequested(ID, T0))
                .expectDispatchedCommands(new CompleteDatabaseDeletion(ID));
        assertThat(runtime.container(CONTAINER)).isEmpty();
        assertThat(runtime.hasVolume(VOLUME)).isFalse();

        // the aggregate records the deletion; whatever deadlines were pending come due and do nothing
        engineDriver.makeReady(CONTAINER);
        fixture.givenAPublished(requested())
                .andThenAPublished(new DatabaseDeletionRequested(ID, T0))
                .andThenAPublished(new DatabaseDeleted(ID, "owner-1", 30001, T0))
                .whenTimeElapses(SETTINGS.readinessTimeout())
                .expectNoDispatchedCommands();
        assertThat(runtime.container(CONTAINER)).as("no readiness check brings the container back").isEmpty();
    }

    @Test
    void theSagaEndsWhenTheDatabaseIsGone() {
        fixture.givenAPublished(requested())
                .andThenAPublished(provisioned())
                .andThenAPublished(new DatabaseDeletionRequested(ID, T0))
                .whenPublishingA(new DatabaseDeleted(ID, "owner-1", 30001, T0))
                .expectActiveSagas(0);
    }

    @Test
    void aFailedProvisioningEndsTheSaga() {
        fixture.givenAPublished(requested())
                .whenPublishingA(new DatabaseProvisioningFailed(ID, "owner-1", 30001, "no", T0))
                .expectActiveSagas(0);
    }

    @Test
    void suspendStopsTheContainerAndResumeStartsItAgain() {
        fixture.givenAPublished(requested())
                .andThenAPublished(provisioned())
                .whenPublishingA(new DatabaseSuspensionRequested(ID, T0))
                .expectDispatchedCommands(new MarkDatabaseSuspended(ID));
        assertThat(runtime.container(CONTAINER).orElseThrow().running).isFalse();

        fixture.givenAPublished(requested())
                .andThenAPublished(provisioned())
                .andThenAPublished(new DatabaseSuspensionRequested(ID, T0))
                .andThenAPublished(new DatabaseSuspended(ID, T0))
                .whenPublishingA(new DatabaseResumeRequested(ID, T0))
                .expectDispatchedCommands(new MarkDatabaseResumed(ID, "id-" + CONTAINER));
        assertThat(runtime.container(CONTAINER).orElseThrow().running).isTrue();
    }

    @Test
    void aStopTheEngineDidNotAnswerIsAskedForAgain() {
        fixture.givenAPublished(requested())
                .andThenAPublished(provisioned());
        runtime.reachable(false);
        fixture.whenPublishingA(new DatabaseSuspensionRequested(ID, T0))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(SETTINGS.retryDelay(1), WorkloadSaga.RETRY);

        runtime.reachable(true);
        fixture.whenTimeElapses(SETTINGS.retryDelay(1))
                .expectDispatchedCommands(new MarkDatabaseSuspended(ID));
    }

    // --- rotation -----------------------------------------------------------------------------

    private DatabasePasswordRotationRequested rotation(String newPassword) {
        return new DatabasePasswordRotationRequested(ID, "r-1", SECRETS.encrypt(newPassword), T0);
    }

    @Test
    void aRotationTheEngineTakesIsRecordedAndTheOldPasswordNoLongerHolds() {
        fixture.givenAPublished(requested())
                .andThenAPublished(provisioned())
                .whenPublishingA(rotation("New-Passw0rd"))
                .expectDispatchedCommands(new CompletePasswordRotation(ID, "r-1"));
        assertThat(engineDriver.password(CONTAINER)).isEqualTo("New-Passw0rd");
    }

    @Test
    void aRotationTheEngineRefusesIsRecordedAsFailedAndTheOldPasswordStillHolds() {
        engineDriver.onChange(ChangeBehaviour.REFUSE);
        fixture.givenAPublished(requested())
                .andThenAPublished(provisioned())
                .whenPublishingA(rotation("New-Passw0rd"))
                .expectDispatchedCommands(new FailPasswordRotation(ID, "r-1", "the engine refused the new password"));
        assertThat(engineDriver.password(CONTAINER)).isEqualTo(PASSWORD);
    }

    @Test
    void aRotationWhoseAnswerIsLostIsRecordedByWhatTheEngineAccepts() {
        engineDriver.onChange(ChangeBehaviour.APPLY_AND_LOSE_ANSWER);
        fixture.givenAPublished(requested())
                .andThenAPublished(provisioned())
                .whenPublishingA(rotation("New-Passw0rd"))
                .expectDispatchedCommands(new CompletePasswordRotation(ID, "r-1"));
    }

    @Test
    void aRotationOfAnEngineThatDoesNotAnswerRecordsNothingUntilItDoes() {
        fixture.givenAPublished(requested())
                .andThenAPublished(provisioned());
        engineDriver.answering(false);
        fixture.whenPublishingA(rotation("New-Passw0rd"))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(SETTINGS.retryDelay(1), WorkloadSaga.ROTATION_RETRY);

        engineDriver.answering(true);
        fixture.whenTimeElapses(SETTINGS.retryDelay(1))
                .expectDispatchedCommands(new CompletePasswordRotation(ID, "r-1"));
    }

    @Test
    void aRotationInterruptedAfterTheEngineTookTheNewPasswordIsCompletedNotRepeated() {
        fixture.givenAPublished(requested())
                .andThenAPublished(provisioned());
        // the first attempt reached the engine, then Hangar stopped before it recorded anything
        engineDriver.answering(false);
        fixture.whenPublishingA(rotation("New-Passw0rd")).expectNoDispatchedCommands();
        engineDriver.setPassword(CONTAINER, "New-Passw0rd");
        engineDriver.onChange(ChangeBehaviour.REFUSE);
        engineDriver.answering(true);

        fixture.whenTimeElapses(SETTINGS.retryDelay(1))
                .expectDispatchedCommands(new CompletePasswordRotation(ID, "r-1"));
    }

    @Test
    void aCompletedRotationIsTheSecretUsedFromThenOn() {
        fixture.givenAPublished(requested())
                .andThenAPublished(provisioned())
                .andThenAPublished(rotation("New-Passw0rd"))
                .andThenAPublished(new DatabasePasswordRotated(ID, "r-1", SECRETS.encrypt("New-Passw0rd"), T0));
        engineDriver.setPassword(CONTAINER, "New-Passw0rd");
        runtime.stop(CONTAINER);

        fixture.whenPublishingA(new DatabaseResumeRequested(ID, T0))
                .expectDispatchedCommands(new MarkDatabaseResumed(ID, "id-" + CONTAINER));
    }

    private static byte[] otherKey() {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) 7);
        return key;
    }

    private void setUpWith(InMemoryContainerRuntime newRuntime) {
        runtime = newRuntime;
        engineDriver = new InMemoryEngineDriver(Engine.REDIS, newRuntime);
        fixture = new SagaTestFixture<>(WorkloadSaga.class);
        CommandGateway commands = fixture.registerCommandGateway(CommandGateway.class);
        DatabaseWorkload databases = new DatabaseWorkload(new EngineCatalog(Map.of("redis", IMAGE)),
                new EngineDrivers(List.of(engineDriver)), SECRETS, new ProvisioningSettings("0.0.0.0", "127.0.0.1"));
        // inline: each operation runs when the saga's unit of work commits, so the fixture sees its command
        fixture.registerResource(new WorkloadEngine(newRuntime, new WorkloadTypes(List.of(databases)), commands,
                SETTINGS, new FairExecutor(4, 2, 4, Runnable::run)));
    }
}
