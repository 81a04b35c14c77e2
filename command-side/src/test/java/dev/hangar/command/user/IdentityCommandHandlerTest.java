package dev.hangar.command.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.command.claim.Claims;
import dev.hangar.command.claim.UniqueClaim;
import dev.hangar.kernel.common.HangarException;
import dev.hangar.kernel.user.LogIn;
import dev.hangar.kernel.user.LoginFailed;
import dev.hangar.kernel.user.LoginOutcome;
import dev.hangar.kernel.user.LoginOutcome.Result;
import dev.hangar.kernel.user.RegisterUser;
import dev.hangar.kernel.user.RegisteredUser;
import dev.hangar.kernel.user.Role;
import dev.hangar.kernel.user.UpdateProfile;
import dev.hangar.kernel.user.UserLockedOut;
import dev.hangar.kernel.user.UserProfileUpdated;
import dev.hangar.kernel.user.UserRegistered;
import dev.hangar.kernel.user.UserType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The identity handler over a real Axon configuration: command bus, repositories, event store. */
class IdentityCommandHandlerTest {

    private static final PasswordEncoder ENCODER = new BCryptPasswordEncoder(4);
    private static final String PASSWORD = "s3cret-Passw0rd";

    private InMemoryEventStorageEngine engine;
    private Configuration config;
    private CommandGateway gateway;

    @BeforeEach
    void start() {
        engine = new InMemoryEventStorageEngine();
        config = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> engine)
                .configureAggregate(UserAggregate.class)
                .configureAggregate(UniqueClaim.class)
                // Components of the configuration are injectable into handler parameters.
                .registerComponent(PasswordEncoder.class, c -> ENCODER)
                .registerComponent(LoginPolicy.class, c -> new LoginPolicy(3, Duration.ofMinutes(15)))
                .registerCommandHandler(c -> new IdentityCommandHandler(c.repository(UserAggregate.class),
                        new Claims(c.repository(UniqueClaim.class)), ENCODER))
                .start();
        gateway = config.commandGateway();
    }

    @AfterEach
    void stop() {
        config.shutdown();
    }

    private RegisteredUser register(String userId, String username, String email) {
        return gateway.sendAndWait(new RegisterUser(userId, username, email, PASSWORD, "Ada", "Lovelace", null,
                null, null));
    }

    private LoginOutcome logIn(String login, String password) {
        return gateway.sendAndWait(new LogIn(login, password, UUID.randomUUID().toString(),
                UUID.randomUUID().toString()));
    }

    private long eventCount() {
        return engine.readEvents(null, false).count();
    }

    private List<Object> eventsOf(String aggregateId) {
        return config.eventStore().readEvents(aggregateId).asStream().map(Message::getPayload)
                .map(Object.class::cast).toList();
    }

    private static void assertValidationRefusal(Throwable thrown) {
        assertThat(thrown).isInstanceOf(HangarException.class);
        assertThat(((HangarException) thrown).kind()).isEqualTo(HangarException.Kind.VALIDATION);
    }

    @Test
    void registerNormalizesTheEmailAndDerivesTheTenantFromTheUsername() {
        RegisteredUser user = register("u1", "Ada.Lovelace", "  Ada@Example.COM ");

        assertThat(user.userId()).isEqualTo("u1");
        assertThat(user.username()).isEqualTo("Ada.Lovelace");
        assertThat(user.email()).isEqualTo("ada@example.com");
        assertThat(user.tenantUrl()).isEqualTo("ada-lovelace");
        assertThat(UUID.fromString(user.tenantId())).isNotNull();

        assertThat(eventsOf("u1")).singleElement().isInstanceOfSatisfying(UserRegistered.class, e -> {
            assertThat(e.email()).isEqualTo("ada@example.com");
            assertThat(e.username()).isEqualTo("Ada.Lovelace");
            assertThat(e.name()).isEqualTo("Ada Lovelace");
            assertThat(e.userType()).isEqualTo(UserType.INDIVIDUAL);
            assertThat(e.role()).isEqualTo(Role.USER);
            assertThat(e.tenantId()).isEqualTo(user.tenantId());
            assertThat(e.tenantUrl()).isEqualTo("ada-lovelace");
        });
    }

    @Test
    void theStoredPasswordIsABcryptHashOfIt() {
        register("u1", "ada", "ada@example.com");

        UserRegistered event = (UserRegistered) eventsOf("u1").get(0);
        assertThat(event.passwordHash()).isNotBlank().isNotEqualTo(PASSWORD).doesNotContain(PASSWORD);
        assertThat(ENCODER.matches(PASSWORD, event.passwordHash())).isTrue();
        assertThat(ENCODER.matches("other", event.passwordHash())).isFalse();
    }

    @Test
    void usernamesThatSlugTheSameGetNumberedTenants() {
        assertThat(register("u1", "ada.lovelace", "a1@example.com").tenantUrl()).isEqualTo("ada-lovelace");
        assertThat(register("u2", "ada_lovelace", "a2@example.com").tenantUrl()).isEqualTo("ada-lovelace-2");
        assertThat(register("u3", "Ada Lovelace", "a3@example.com").tenantUrl()).isEqualTo("ada-lovelace-3");
    }

    @Test
    void aDuplicateEmailInAnotherCaseIsRefusedAndLeavesNoEvents() {
        register("u1", "ada", "ada@example.com");
        long before = eventCount();

        Throwable thrown = catchThrowableOf(() -> register("u2", "other", "ADA@Example.com"));

        assertValidationRefusal(thrown);
        assertThat(eventCount()).isEqualTo(before);
        assertThat(eventsOf("u2")).isEmpty();
        // The refused registration claimed nothing: its username is still free.
        assertThat(register("u3", "other", "other@example.com").username()).isEqualTo("other");
    }

    @Test
    void aDuplicateUsernameIsRefusedAndReleasesTheEmailItClaimedFirst() {
        register("u1", "ada", "ada@example.com");
        long before = eventCount();

        assertValidationRefusal(catchThrowableOf(() -> register("u2", "ada", "new@example.com")));

        assertThat(eventCount()).isEqualTo(before);
        // The email claimed before the username was refused was rolled back with the unit of work.
        assertThat(register("u3", "grace", "new@example.com").email()).isEqualTo("new@example.com");
    }

    @Test
    void withoutAUsernameOneIsDerivedFromTheEmail() {
        RegisteredUser first = register("u1", null, "John.Doe@example.com");
        RegisteredUser second = register("u2", null, "john.doe@other.org");

        assertThat(first.username()).isEqualTo("john_doe");
        assertThat(first.tenantUrl()).isEqualTo("john-doe");
        assertThat(second.username()).isEqualTo("john_doe_2");
        assertThat(second.tenantUrl()).isEqualTo("john-doe-2");
        assertThat(logIn("john_doe_2", PASSWORD).userId()).isEqualTo("u2");
    }

    @Test
    void aDerivedUsernameSkipsAnExplicitlyTakenOne() {
        register("u1", "john_doe", "first@example.com");

        assertThat(register("u2", null, "john.doe@example.com").username()).isEqualTo("john_doe_2");
    }

    @Test
    void logInByEmailInAnyCaseAndByUsername() {
        register("u1", "ada", "ada@example.com");

        assertThat(logIn("ada@example.com", PASSWORD)).isEqualTo(LoginOutcome.of(Result.SUCCEEDED, "u1"));
        assertThat(logIn("  ADA@Example.Com ", PASSWORD)).isEqualTo(LoginOutcome.of(Result.SUCCEEDED, "u1"));
        assertThat(logIn("ada", PASSWORD)).isEqualTo(LoginOutcome.of(Result.SUCCEEDED, "u1"));
        assertThat(eventsOf("u1")).filteredOn(e -> e instanceof dev.hangar.kernel.user.SessionStarted).hasSize(3);
    }

    @Test
    void unknownLoginsAreInvalidCredentialsWithoutAUser() {
        register("u1", "ada", "ada@example.com");
        long before = eventCount();

        assertThat(logIn("nobody@example.com", PASSWORD)).isEqualTo(LoginOutcome.of(Result.INVALID_CREDENTIALS, null));
        assertThat(logIn("nobody", PASSWORD)).isEqualTo(LoginOutcome.of(Result.INVALID_CREDENTIALS, null));
        assertThat(logIn(null, PASSWORD)).isEqualTo(LoginOutcome.of(Result.INVALID_CREDENTIALS, null));
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void wrongPasswordsThroughLogInLockTheAccountPerThePolicyResource() {
        register("u1", "ada", "ada@example.com");

        assertThat(logIn("ada", "wrong").result()).isEqualTo(Result.INVALID_CREDENTIALS);
        assertThat(logIn("ada", "wrong").result()).isEqualTo(Result.INVALID_CREDENTIALS);
        assertThat(logIn("ada", "wrong").result()).isEqualTo(Result.INVALID_CREDENTIALS);
        LoginOutcome locked = logIn("ada", PASSWORD);

        assertThat(locked.result()).isEqualTo(Result.LOCKED);
        assertThat(locked.lockedUntil()).isNotNull();
        assertThat(eventsOf("u1")).filteredOn(LoginFailed.class::isInstance).hasSize(3);
        assertThat(eventsOf("u1")).filteredOn(UserLockedOut.class::isInstance).singleElement()
                .extracting(e -> ((UserLockedOut) e).lockedUntil()).isEqualTo(locked.lockedUntil());
    }

    @Test
    void updateProfileWithANewEmailReleasesTheOldOne() {
        register("u1", "ada", "ada@example.com");

        gateway.sendAndWait(new UpdateProfile("u1", null, null, "Ada@Lovelace.org"));

        assertThat(eventsOf("u1")).last().isInstanceOfSatisfying(UserProfileUpdated.class,
                e -> assertThat(e.email()).isEqualTo("ada@lovelace.org"));
        assertThat(logIn("ada@lovelace.org", PASSWORD)).isEqualTo(LoginOutcome.of(Result.SUCCEEDED, "u1"));
        assertThat(logIn("ada@example.com", PASSWORD).result()).isEqualTo(Result.INVALID_CREDENTIALS);

        RegisteredUser third = register("u3", "grace", "ada@example.com");
        assertThat(third.email()).isEqualTo("ada@example.com");
        assertThat(logIn("ada@example.com", PASSWORD)).isEqualTo(LoginOutcome.of(Result.SUCCEEDED, "u3"));
    }

    @Test
    void updateProfileRefusesAnEmailHeldByAnotherUser() {
        register("u1", "ada", "ada@example.com");
        register("u2", "grace", "grace@example.com");
        long before = eventCount();

        assertValidationRefusal(catchThrowableOf(() ->
                gateway.sendAndWait(new UpdateProfile("u1", "Augusta", null, "GRACE@example.com"))));

        assertThat(eventCount()).isEqualTo(before);
        assertThat(logIn("grace@example.com", PASSWORD).userId()).isEqualTo("u2");
        assertThat(logIn("ada@example.com", PASSWORD).userId()).isEqualTo("u1");
    }

    @Test
    void updateProfileToTheSameEmailInAnotherCaseChangesNothing() {
        register("u1", "ada", "ada@example.com");
        long before = eventCount();

        gateway.sendAndWait(new UpdateProfile("u1", null, null, "ADA@example.com"));

        assertThat(eventCount()).isEqualTo(before);
        assertThat(logIn("ada@example.com", PASSWORD).userId()).isEqualTo("u1");
    }

    @Test
    void updateProfileWithoutEmailRevisesTheNames() {
        register("u1", "ada", "ada@example.com");

        gateway.sendAndWait(new UpdateProfile("u1", "Augusta", null, null));

        assertThat(eventsOf("u1")).last().isEqualTo(new UserProfileUpdated("u1", "Augusta", "Lovelace",
                "Augusta Lovelace", "ada@example.com", ((UserProfileUpdated) eventsOf("u1").get(1)).updatedAt()));
    }

    @RepeatedTest(5)
    void concurrentRegistrationsOfOneEmailLetExactlyOneWin() throws Exception {
        int threads = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<RegisteredUser>> results = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                String userId = "racer-" + i;
                Callable<RegisteredUser> race = () -> {
                    ready.countDown();
                    go.await();
                    return register(userId, "racer" + userId.substring(6), "Same@Example.com");
                };
                results.add(pool.submit(race));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();

            int successes = 0;
            List<Throwable> failures = new ArrayList<>();
            for (Future<RegisteredUser> result : results) {
                try {
                    assertThat(result.get(60, TimeUnit.SECONDS).email()).isEqualTo("same@example.com");
                    successes++;
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
            assertThat(failures).allSatisfy(IdentityCommandHandlerTest::assertValidationRefusal);
            assertThat(successes).isEqualTo(1);
            assertThat(failures).hasSize(threads - 1);
        } finally {
            pool.shutdownNow();
        }
        long registrations = engine.readEvents(null, false).map(EventMessage::getPayload)
                .filter(UserRegistered.class::isInstance).count();
        assertThat(registrations).isEqualTo(1);
        long emailClaims = config.eventStore().readEvents("email:same@example.com").asStream().count();
        assertThat(emailClaims).isEqualTo(1);
    }

    private static Throwable catchThrowableOf(Runnable action) {
        try {
            action.run();
        } catch (Throwable t) {
            return t;
        }
        throw new AssertionError("expected a refusal");
    }
}
