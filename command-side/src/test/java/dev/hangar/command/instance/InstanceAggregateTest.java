package dev.hangar.command.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

import dev.hangar.kernel.common.HangarException;
import dev.hangar.kernel.common.SecretBox;
import dev.hangar.kernel.database.CompletePasswordRotation;
import dev.hangar.kernel.database.DatabaseContainerExited;
import dev.hangar.kernel.database.DatabaseDeleted;
import dev.hangar.kernel.database.DatabaseDeletionRequested;
import dev.hangar.kernel.database.DatabasePasswordRotated;
import dev.hangar.kernel.database.DatabasePasswordRotationFailed;
import dev.hangar.kernel.database.DatabasePasswordRotationRequested;
import dev.hangar.kernel.database.DatabaseProvisioned;
import dev.hangar.kernel.database.DatabaseProvisioningFailed;
import dev.hangar.kernel.database.DatabaseRequested;
import dev.hangar.kernel.database.DatabaseResumeFailed;
import dev.hangar.kernel.database.DatabaseResumeRequested;
import dev.hangar.kernel.database.DatabaseResumed;
import dev.hangar.kernel.database.DatabaseSuspended;
import dev.hangar.kernel.database.DatabaseSuspensionRequested;
import dev.hangar.kernel.database.DeleteDatabase;
import dev.hangar.kernel.database.FailDatabaseResume;
import dev.hangar.kernel.database.FailPasswordRotation;
import dev.hangar.kernel.database.MarkDatabaseResumed;
import dev.hangar.kernel.database.MarkDatabaseRunning;
import dev.hangar.kernel.database.MarkDatabaseSuspended;
import dev.hangar.kernel.database.RecordContainerExited;
import dev.hangar.kernel.database.ResumeDatabase;
import dev.hangar.kernel.database.RotateDatabasePassword;
import dev.hangar.kernel.database.RotatedPassword;
import dev.hangar.kernel.database.SuspendDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every command of the Instance aggregate, from every state that matters, and every refusal. */
class InstanceAggregateTest {

    private static final String ID = "instance-1";
    private static final String OWNER = "user-1";
    private static final int PORT = 41000;
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final SecretBox SECRETS = new SecretBox(new byte[32]);
    private static final String INITIAL_CIPHERTEXT = SECRETS.encrypt("initial-Passw0rd!");

    private AggregateTestFixture<InstanceAggregate> fixture;

    /** The states an instance can be in, with the history that leads there. */
    enum Stage {
        CREATING, RUNNING, SUSPENDING, SUSPENDED, RESUMING, DELETING, FAILED_PROVISIONING, FAILED_EXITED,
        FAILED_RESUME, DELETED;

        Object[] history() {
            List<Object> events = new ArrayList<>();
            events.add(requested());
            switch (this) {
                case CREATING -> { }
                case RUNNING -> events.add(provisioned());
                case SUSPENDING -> events.addAll(List.of(provisioned(), new DatabaseSuspensionRequested(ID, T0)));
                case SUSPENDED -> events.addAll(List.of(provisioned(), new DatabaseSuspensionRequested(ID, T0),
                        new DatabaseSuspended(ID, T0)));
                case RESUMING -> events.addAll(List.of(provisioned(), new DatabaseSuspensionRequested(ID, T0),
                        new DatabaseSuspended(ID, T0), new DatabaseResumeRequested(ID, T0)));
                case DELETING -> events.addAll(List.of(provisioned(), new DatabaseDeletionRequested(ID, T0)));
                case FAILED_PROVISIONING -> events.add(
                        new DatabaseProvisioningFailed(ID, OWNER, PORT, "image missing", T0));
                case FAILED_EXITED -> events.addAll(List.of(provisioned(), exited()));
                case FAILED_RESUME -> events.addAll(List.of(provisioned(), new DatabaseSuspensionRequested(ID, T0),
                        new DatabaseSuspended(ID, T0), new DatabaseResumeRequested(ID, T0),
                        new DatabaseResumeFailed(ID, "port taken", T0)));
                case DELETED -> events.addAll(List.of(provisioned(), new DatabaseDeletionRequested(ID, T0),
                        new DatabaseDeleted(ID, OWNER, PORT, T0)));
            }
            return events.toArray();
        }
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InstanceAggregate.class);
        fixture.registerInjectableResource(SECRETS);
    }

    private static DatabaseRequested requested() {
        return new DatabaseRequested(ID, OWNER, "redis", "7.0", "db_0123abcd", "default", INITIAL_CIPHERTEXT,
                "localhost", PORT, "hangar-db-" + ID, "hangar-db-" + ID + "-data", "FREE", 256L * 1024 * 1024,
                500_000_000L, T0);
    }

    private static DatabaseProvisioned provisioned() {
        return new DatabaseProvisioned(ID, "container-1", T0);
    }

    private static DatabaseContainerExited exited() {
        return new DatabaseContainerExited(ID, "die", T0);
    }

    private static DatabasePasswordRotationRequested rotationRequested(String rotationId, String ciphertext) {
        return new DatabasePasswordRotationRequested(ID, rotationId, ciphertext, T0);
    }

    private static Object[] plus(Object[] history, Object... more) {
        Object[] all = Arrays.copyOf(history, history.length + more.length);
        System.arraycopy(more, 0, all, history.length, more.length);
        return all;
    }

    private ResultValidator<InstanceAggregate> in(Stage stage, Object command) {
        return fixture.given(stage.history()).when(command);
    }

    private static void expectConflict(ResultValidator<InstanceAggregate> result) {
        result.expectException(HangarException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("Cannot "))
                .expectException(new BaseMatcher<>() {
                    @Override
                    public boolean matches(Object actual) {
                        return actual instanceof HangarException e && e.kind() == HangarException.Kind.CONFLICT
                                && "INVALID_STATE".equals(e.code());
                    }

                    @Override
                    public void describeTo(Description description) {
                        description.appendText("a CONFLICT HangarException");
                    }
                })
                .expectNoEvents();
    }

    private static <T> Matcher<T> capturing(Class<T> type, AtomicReference<T> into) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                if (type.isInstance(actual)) {
                    into.set(type.cast(actual));
                    return true;
                }
                return false;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a ").appendText(type.getSimpleName());
            }
        };
    }

    // --- registration -----------------------------------------------------------------------

    @Test
    void registerDatabaseAppliesTheRequestAsIs() {
        DatabaseRequested request = requested();
        fixture.givenNoPriorActivity()
                .when(new RegisterDatabase(request))
                .expectSuccessfulHandlerExecution()
                .expectEvents(request);
    }

    @Test
    void aRegisteredDatabaseIsCreatingAndCanBeMarkedRunning() {
        fixture.givenCommands(new RegisterDatabase(requested()))
                .when(new MarkDatabaseRunning(ID, "container-9"))
                .expectEvents(new DatabaseProvisioned(ID, "container-9", fixture.currentTime()));
    }

    // --- MarkDatabaseRunning ----------------------------------------------------------------

    @Test
    void markDatabaseRunningFromCreating() {
        in(Stage.CREATING, new MarkDatabaseRunning(ID, "container-1"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DatabaseProvisioned(ID, "container-1", fixture.currentTime()));
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = "CREATING", mode = EnumSource.Mode.EXCLUDE)
    void markDatabaseRunningOutsideCreatingChangesNothing(Stage stage) {
        in(stage, new MarkDatabaseRunning(ID, "container-2"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // --- SuspendDatabase --------------------------------------------------------------------

    @Test
    void suspendARunningDatabase() {
        in(Stage.RUNNING, new SuspendDatabase(ID))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DatabaseSuspensionRequested(ID, fixture.currentTime()));
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = {"SUSPENDING", "SUSPENDED"})
    void suspendIsIdempotent(Stage stage) {
        in(stage, new SuspendDatabase(ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = {"CREATING", "FAILED_PROVISIONING", "FAILED_EXITED", "FAILED_RESUME",
            "DELETING", "DELETED", "RESUMING"})
    void suspendIsRefusedOutsideRunning(Stage stage) {
        expectConflict(in(stage, new SuspendDatabase(ID)));
    }

    // --- MarkDatabaseSuspended --------------------------------------------------------------

    @Test
    void markDatabaseSuspendedFromSuspending() {
        in(Stage.SUSPENDING, new MarkDatabaseSuspended(ID))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DatabaseSuspended(ID, fixture.currentTime()));
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = "SUSPENDING", mode = EnumSource.Mode.EXCLUDE)
    void markDatabaseSuspendedOutsideSuspendingChangesNothing(Stage stage) {
        in(stage, new MarkDatabaseSuspended(ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // --- ResumeDatabase ---------------------------------------------------------------------

    @Test
    void resumeASuspendedDatabase() {
        in(Stage.SUSPENDED, new ResumeDatabase(ID))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DatabaseResumeRequested(ID, fixture.currentTime()));
    }

    @Test
    void resumeADatabaseWhoseContainerExitedBehindHangarsBack() {
        in(Stage.FAILED_EXITED, new ResumeDatabase(ID))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DatabaseResumeRequested(ID, fixture.currentTime()));
    }

    @Test
    void resumeADatabaseWhoseResumeFailedTriesAgain() {
        in(Stage.FAILED_RESUME, new ResumeDatabase(ID))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DatabaseResumeRequested(ID, fixture.currentTime()));
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = {"RUNNING", "RESUMING"})
    void resumeIsANoOpWhenRunningOrResuming(Stage stage) {
        in(stage, new ResumeDatabase(ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = {"CREATING", "FAILED_PROVISIONING", "SUSPENDING", "DELETING",
            "DELETED"})
    void resumeIsRefused(Stage stage) {
        expectConflict(in(stage, new ResumeDatabase(ID)));
    }

    // --- MarkDatabaseResumed / FailDatabaseResume -------------------------------------------

    @Test
    void markDatabaseResumedFromResuming() {
        in(Stage.RESUMING, new MarkDatabaseResumed(ID, "container-2"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DatabaseResumed(ID, "container-2", fixture.currentTime()));
    }

    @Test
    void aResumedDatabaseIsRunningAgain() {
        fixture.given(plus(Stage.RESUMING.history(), new DatabaseResumed(ID, "container-2", T0)))
                .when(new SuspendDatabase(ID))
                .expectEvents(new DatabaseSuspensionRequested(ID, fixture.currentTime()));
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = "RESUMING", mode = EnumSource.Mode.EXCLUDE)
    void markDatabaseResumedOutsideResumingChangesNothing(Stage stage) {
        in(stage, new MarkDatabaseResumed(ID, "container-2"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void failDatabaseResumeFromResuming() {
        in(Stage.RESUMING, new FailDatabaseResume(ID, "port is already allocated"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DatabaseResumeFailed(ID, "port is already allocated", fixture.currentTime()));
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = "RESUMING", mode = EnumSource.Mode.EXCLUDE)
    void failDatabaseResumeOutsideResumingChangesNothing(Stage stage) {
        in(stage, new FailDatabaseResume(ID, "late"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // --- DeleteDatabase ---------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = {"CREATING", "RUNNING", "SUSPENDING", "SUSPENDED", "RESUMING",
            "FAILED_EXITED", "FAILED_RESUME"})
    void deleteInEveryStateThatHoldsResourcesAsksForTearDown(Stage stage) {
        in(stage, new DeleteDatabase(ID))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DatabaseDeletionRequested(ID, fixture.currentTime()));
    }

    @Test
    void deleteADatabaseWhoseProvisioningFailedDeletesItAtOnce() {
        in(Stage.FAILED_PROVISIONING, new DeleteDatabase(ID))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DatabaseDeleted(ID, OWNER, PORT, fixture.currentTime()));
    }

    @Test
    void aProvisioningThatReportsAfterTheDeleteIsIgnored() {
        fixture.given(requested(), new DatabaseDeletionRequested(ID, T0))
                .when(new MarkDatabaseRunning(ID, "c1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = {"DELETING", "DELETED"})
    void deleteIsANoOpWhenDeletingOrDeleted(Stage stage) {
        in(stage, new DeleteDatabase(ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // --- RotateDatabasePassword -------------------------------------------------------------

    @Test
    void rotateThePasswordOfARunningDatabase() {
        AtomicReference<DatabasePasswordRotationRequested> event = new AtomicReference<>();
        AtomicReference<RotatedPassword> answer = new AtomicReference<>();

        in(Stage.RUNNING, new RotateDatabasePassword(ID))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        capturing(DatabasePasswordRotationRequested.class, event))))
                .expectResultMessagePayloadMatching(capturing(RotatedPassword.class, answer));

        RotatedPassword rotated = answer.get();
        DatabasePasswordRotationRequested requested = event.get();
        assertThat(rotated.instanceId()).isEqualTo(ID);
        assertThat(rotated.username()).isEqualTo("default");
        assertThat(rotated.newPassword()).hasSize(20);
        assertThat(rotated.toString()).doesNotContain(rotated.newPassword());
        assertThat(requested.instanceId()).isEqualTo(ID);
        assertThat(requested.rotationId()).isEqualTo(rotated.rotationId()).isNotBlank();
        assertThat(requested.requestedAt()).isEqualTo(fixture.currentTime());
        assertThat(requested.newPasswordCiphertext()).startsWith("v1:").doesNotContain(rotated.newPassword());
        assertThat(SECRETS.decrypt(requested.newPasswordCiphertext())).isEqualTo(rotated.newPassword());
        assertThat(requested.toString()).doesNotContain(rotated.newPassword());
    }

    @Test
    void twoRotationsGiveDifferentPasswords() {
        AtomicReference<RotatedPassword> first = new AtomicReference<>();
        AtomicReference<RotatedPassword> second = new AtomicReference<>();
        in(Stage.RUNNING, new RotateDatabasePassword(ID))
                .expectResultMessagePayloadMatching(capturing(RotatedPassword.class, first));
        setUp();
        in(Stage.RUNNING, new RotateDatabasePassword(ID))
                .expectResultMessagePayloadMatching(capturing(RotatedPassword.class, second));

        assertThat(first.get().newPassword()).isNotEqualTo(second.get().newPassword());
        assertThat(first.get().rotationId()).isNotEqualTo(second.get().rotationId());
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = "RUNNING", mode = EnumSource.Mode.EXCLUDE)
    void rotationIsRefusedWhenNotRunning(Stage stage) {
        expectConflict(in(stage, new RotateDatabasePassword(ID)));
    }

    @Test
    void aSecondRotationIsRefusedWhileOneIsPending() {
        fixture.given(plus(Stage.RUNNING.history(), rotationRequested("rot-1", SECRETS.encrypt("x"))))
                .when(new RotateDatabasePassword(ID))
                .expectException(HangarException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("password rotation of this database is"))
                .expectException(new BaseMatcher<>() {
                    @Override
                    public boolean matches(Object actual) {
                        return actual instanceof HangarException e && e.kind() == HangarException.Kind.CONFLICT;
                    }

                    @Override
                    public void describeTo(Description description) {
                        description.appendText("a CONFLICT HangarException");
                    }
                })
                .expectNoEvents();
    }

    @Test
    void aNewRotationIsAcceptedOnceThePendingOneCompleted() {
        String ciphertext = SECRETS.encrypt("x");
        fixture.given(plus(Stage.RUNNING.history(), rotationRequested("rot-1", ciphertext),
                        new DatabasePasswordRotated(ID, "rot-1", ciphertext, T0)))
                .when(new RotateDatabasePassword(ID))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        capturing(DatabasePasswordRotationRequested.class, new AtomicReference<>()))));
    }

    @Test
    void aNewRotationIsAcceptedOnceThePendingOneFailed() {
        fixture.given(plus(Stage.RUNNING.history(), rotationRequested("rot-1", SECRETS.encrypt("x")),
                        new DatabasePasswordRotationFailed(ID, "rot-1", "engine refused", T0)))
                .when(new RotateDatabasePassword(ID))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        capturing(DatabasePasswordRotationRequested.class, new AtomicReference<>()))));
    }

    // --- CompletePasswordRotation / FailPasswordRotation ------------------------------------

    @Test
    void completePasswordRotationWithThePendingIdRecordsThePendingCiphertext() {
        String ciphertext = SECRETS.encrypt("new-Passw0rd!");
        fixture.given(plus(Stage.RUNNING.history(), rotationRequested("rot-1", ciphertext)))
                .when(new CompletePasswordRotation(ID, "rot-1"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DatabasePasswordRotated(ID, "rot-1", ciphertext, fixture.currentTime()));
    }

    @Test
    void completePasswordRotationWithAnotherIdChangesNothing() {
        fixture.given(plus(Stage.RUNNING.history(), rotationRequested("rot-1", SECRETS.encrypt("x"))))
                .when(new CompletePasswordRotation(ID, "rot-other"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void completePasswordRotationWithoutAPendingOneChangesNothing() {
        in(Stage.RUNNING, new CompletePasswordRotation(ID, "rot-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aCompletedRotationCannotBeCompletedTwice() {
        String ciphertext = SECRETS.encrypt("new-Passw0rd!");
        fixture.given(plus(Stage.RUNNING.history(), rotationRequested("rot-1", ciphertext),
                        new DatabasePasswordRotated(ID, "rot-1", ciphertext, T0)))
                .when(new CompletePasswordRotation(ID, "rot-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void failPasswordRotationWithThePendingId() {
        fixture.given(plus(Stage.RUNNING.history(), rotationRequested("rot-1", SECRETS.encrypt("x"))))
                .when(new FailPasswordRotation(ID, "rot-1", "engine refused"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DatabasePasswordRotationFailed(ID, "rot-1", "engine refused",
                        fixture.currentTime()));
    }

    @Test
    void failPasswordRotationWithAnotherIdChangesNothing() {
        fixture.given(plus(Stage.RUNNING.history(), rotationRequested("rot-1", SECRETS.encrypt("x"))))
                .when(new FailPasswordRotation(ID, "rot-other", "late"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aFailedRotationCannotBeCompletedAfterwards() {
        fixture.given(plus(Stage.RUNNING.history(), rotationRequested("rot-1", SECRETS.encrypt("x")),
                        new DatabasePasswordRotationFailed(ID, "rot-1", "engine refused", T0)))
                .when(new CompletePasswordRotation(ID, "rot-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // --- RecordContainerExited --------------------------------------------------------------

    @Test
    void aContainerExitWhileRunningIsRecorded() {
        in(Stage.RUNNING, new RecordContainerExited(ID, "die"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DatabaseContainerExited(ID, "die", fixture.currentTime()));
    }

    @Test
    void aRecordedExitLeavesTheDatabaseFailedButResumable() {
        fixture.given(Stage.RUNNING.history())
                .andGivenCommands(new RecordContainerExited(ID, "oom"))
                .when(new ResumeDatabase(ID))
                .expectEvents(new DatabaseResumeRequested(ID, fixture.currentTime()));
    }

    @Test
    void aSecondExitIsNotNewsAnyMore() {
        in(Stage.FAILED_EXITED, new RecordContainerExited(ID, "destroy"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = {"CREATING", "SUSPENDING", "SUSPENDED", "RESUMING", "DELETING",
            "DELETED", "FAILED_PROVISIONING", "FAILED_RESUME"})
    void aContainerExitOutsideRunningIsIgnored(Stage stage) {
        in(stage, new RecordContainerExited(ID, "stop"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
