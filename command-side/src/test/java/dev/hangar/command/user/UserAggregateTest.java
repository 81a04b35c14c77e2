package dev.hangar.command.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.kernel.user.ActivateUser;
import dev.hangar.kernel.user.ChangeUserRole;
import dev.hangar.kernel.user.DeactivateUser;
import dev.hangar.kernel.user.LoginFailed;
import dev.hangar.kernel.user.LoginOutcome;
import dev.hangar.kernel.user.LoginOutcome.Result;
import dev.hangar.kernel.user.RefreshOutcome;
import dev.hangar.kernel.user.RefreshSession;
import dev.hangar.kernel.user.RefreshTokenRotated;
import dev.hangar.kernel.user.Role;
import dev.hangar.kernel.user.SessionRevoked;
import dev.hangar.kernel.user.SessionStarted;
import dev.hangar.kernel.user.UserActivated;
import dev.hangar.kernel.user.UserDeactivated;
import dev.hangar.kernel.user.UserLockedOut;
import dev.hangar.kernel.user.UserProfileUpdated;
import dev.hangar.kernel.user.UserRegistered;
import dev.hangar.kernel.user.UserRoleChanged;
import dev.hangar.kernel.user.UserType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class UserAggregateTest {

    private static final String ID = "user-1";
    private static final String PASSWORD = "correct horse battery staple";
    private static final Duration LOCK = Duration.ofMinutes(15);
    private static final BCryptPasswordEncoder ENCODER = new BCryptPasswordEncoder(4);
    private static String hash;

    private AggregateTestFixture<UserAggregate> fixture;

    @BeforeAll
    static void hashPassword() {
        hash = ENCODER.encode(PASSWORD);
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UserAggregate.class);
        fixture.registerInjectableResource(ENCODER);
        fixture.registerInjectableResource(new LoginPolicy(3, LOCK));
    }

    private static UserRegistered registered() {
        return registered("Ada", "Lovelace", "Ada Lovelace");
    }

    private static UserRegistered registered(String first, String last, String name) {
        return new UserRegistered(ID, "ada", "ada@example.com", hash, first, last, name, UserType.INDIVIDUAL,
                Role.USER, "tenant-1", "ada", Instant.parse("2024-01-01T00:00:00Z"));
    }

    private static SessionStarted session(String sessionId, String tokenId) {
        return new SessionStarted(ID, sessionId, tokenId, Instant.parse("2024-01-02T00:00:00Z"));
    }

    private static AuthenticateUser login(String password, String sessionId) {
        return new AuthenticateUser(ID, password, sessionId, "rt-" + sessionId);
    }

    @Nested
    class Creation {

        @Test
        void createUserAccountRegistersTheUser() {
            fixture.givenNoPriorActivity()
                    .when(new CreateUserAccount(ID, "ada", "ada@example.com", hash, "Ada", "Lovelace", "Ada Lovelace",
                            UserType.ORGANIZATION, Role.TENANT_ADMIN, "tenant-1", "ada"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new UserRegistered(ID, "ada", "ada@example.com", hash, "Ada", "Lovelace",
                            "Ada Lovelace", UserType.ORGANIZATION, Role.TENANT_ADMIN, "tenant-1", "ada",
                            fixture.currentTime()))
                    .expectState(user -> {
                        assertThat(user.email()).isEqualTo("ada@example.com");
                        assertThat(user.sessions()).isEmpty();
                    });
        }
    }

    @Nested
    class Authentication {

        @Test
        void rightPasswordStartsASession() {
            fixture.given(registered())
                    .when(new AuthenticateUser(ID, PASSWORD, "s1", "r1"))
                    .expectEvents(new SessionStarted(ID, "s1", "r1", fixture.currentTime()))
                    .expectResultMessagePayload(LoginOutcome.of(Result.SUCCEEDED, ID))
                    .expectState(user -> assertThat(user.sessions()).containsEntry("s1", "r1"));
        }

        @Test
        void wrongPasswordIsTheFirstFailure() {
            fixture.given(registered())
                    .when(login("wrong", "s1"))
                    .expectEvents(new LoginFailed(ID, 1, fixture.currentTime()))
                    .expectResultMessagePayload(LoginOutcome.of(Result.INVALID_CREDENTIALS, ID));
        }

        @Test
        void failuresCountUpConsecutively() {
            fixture.given(registered(), new LoginFailed(ID, 1, Instant.EPOCH))
                    .when(login("wrong", "s1"))
                    .expectEvents(new LoginFailed(ID, 2, fixture.currentTime()))
                    .expectResultMessagePayload(LoginOutcome.of(Result.INVALID_CREDENTIALS, ID));
        }

        @Test
        void theNthConsecutiveFailureLocksTheAccount() {
            Instant now = fixture.currentTime();
            fixture.given(registered(), new LoginFailed(ID, 1, Instant.EPOCH), new LoginFailed(ID, 2, Instant.EPOCH))
                    .when(login("wrong", "s1"))
                    .expectEvents(new LoginFailed(ID, 3, now), new UserLockedOut(ID, 3, now.plus(LOCK), now))
                    .expectResultMessagePayload(LoginOutcome.of(Result.INVALID_CREDENTIALS, ID));
        }

        @Test
        void eachLockInARowLastsTwiceAsLongUpToTheMaximum() {
            fixture = new AggregateTestFixture<>(UserAggregate.class);
            fixture.registerInjectableResource(ENCODER);
            fixture.registerInjectableResource(new LoginPolicy(3, LOCK, LOCK.multipliedBy(3), java.util.Set.of()));
            Instant now = fixture.currentTime();
            Instant past = now.minus(Duration.ofDays(1));
            fixture.given(registered(), new UserLockedOut(ID, 3, past, past), new LoginFailed(ID, 1, past),
                            new LoginFailed(ID, 2, past))
                    .when(login("wrong", "s1"))
                    .expectEvents(new LoginFailed(ID, 3, now), new UserLockedOut(ID, 3, now.plus(LOCK.multipliedBy(2)), now));
            fixture.given(registered(), new UserLockedOut(ID, 3, past, past), new UserLockedOut(ID, 3, past, past),
                            new LoginFailed(ID, 1, past), new LoginFailed(ID, 2, past))
                    .when(login("wrong", "s1"))
                    .expectEvents(new LoginFailed(ID, 3, now), new UserLockedOut(ID, 3, now.plus(LOCK.multipliedBy(3)), now));
        }

        @Test
        void theConfiguredAdminIsNeverLocked() {
            fixture = new AggregateTestFixture<>(UserAggregate.class);
            fixture.registerInjectableResource(ENCODER);
            fixture.registerInjectableResource(new LoginPolicy(3, LOCK, LOCK, java.util.Set.of("ADA@example.com")));
            Instant now = fixture.currentTime();
            fixture.given(registered(), new LoginFailed(ID, 1, Instant.EPOCH), new LoginFailed(ID, 2, Instant.EPOCH))
                    .when(login("wrong", "s1"))
                    .expectEvents(new LoginFailed(ID, 3, now))
                    .expectResultMessagePayload(LoginOutcome.of(Result.INVALID_CREDENTIALS, ID));
        }

        @Test
        void aSuccessfulLoginResetsTheFailureCount() {
            fixture.given(registered(), new LoginFailed(ID, 1, Instant.EPOCH), new LoginFailed(ID, 2, Instant.EPOCH),
                            session("s0", "r0"))
                    .when(login("wrong", "s1"))
                    .expectEvents(new LoginFailed(ID, 1, fixture.currentTime()));
        }

        @Test
        void loginWhileLockedIsRefusedWithoutEventsEvenWithTheRightPassword() {
            Instant lockedUntil = fixture.currentTime().plus(Duration.ofMinutes(10));
            fixture.given(registered(), new UserLockedOut(ID, 3, lockedUntil, fixture.currentTime()))
                    .when(login(PASSWORD, "s1"))
                    .expectNoEvents()
                    .expectResultMessagePayload(new LoginOutcome(Result.LOCKED, ID, lockedUntil));
        }

        @Test
        void wrongPasswordWhileLockedDoesNotCountAnotherFailure() {
            Instant lockedUntil = fixture.currentTime().plus(Duration.ofMinutes(10));
            fixture.given(registered(), new UserLockedOut(ID, 3, lockedUntil, fixture.currentTime()))
                    .when(login("wrong", "s1"))
                    .expectNoEvents()
                    .expectResultMessagePayload(new LoginOutcome(Result.LOCKED, ID, lockedUntil));
        }

        @Test
        void loginAfterTheLockExpiredSucceeds() {
            Instant lockedUntil = fixture.currentTime().minus(Duration.ofSeconds(1));
            fixture.given(registered(), new UserLockedOut(ID, 3, lockedUntil, lockedUntil.minus(LOCK)))
                    .when(login(PASSWORD, "s1"))
                    .expectEvents(new SessionStarted(ID, "s1", "rt-s1", fixture.currentTime()))
                    .expectResultMessagePayload(LoginOutcome.of(Result.SUCCEEDED, ID));
        }

        @Test
        void theLockExpiresAsTimePasses() {
            Instant start = Instant.parse("2024-06-01T12:00:00Z");
            fixture.given(registered())
                    .andGivenCurrentTime(start)
                    .andGivenCommands(login("wrong", "a"), login("wrong", "b"), login("wrong", "c"))
                    .andGivenCurrentTime(start.plus(LOCK).minusSeconds(1))
                    .when(login(PASSWORD, "s1"))
                    .expectNoEvents()
                    .expectResultMessagePayload(new LoginOutcome(Result.LOCKED, ID, start.plus(LOCK)));

            setUp();
            fixture.given(registered())
                    .andGivenCurrentTime(start)
                    .andGivenCommands(login("wrong", "a"), login("wrong", "b"), login("wrong", "c"))
                    .andGivenCurrentTime(start.plus(LOCK))
                    .when(login(PASSWORD, "s1"))
                    .expectEvents(new SessionStarted(ID, "s1", "rt-s1", start.plus(LOCK)))
                    .expectResultMessagePayload(LoginOutcome.of(Result.SUCCEEDED, ID));
        }

        @Test
        void afterAnExpiredLockFailuresCountFromOneAgain() {
            Instant lockedUntil = fixture.currentTime().minus(Duration.ofSeconds(1));
            fixture.given(registered(), new LoginFailed(ID, 3, lockedUntil.minus(LOCK)),
                            new UserLockedOut(ID, 3, lockedUntil, lockedUntil.minus(LOCK)))
                    .when(login("wrong", "s1"))
                    .expectEvents(new LoginFailed(ID, 1, fixture.currentTime()));
        }

        @Test
        void deactivatedUserWithTheRightPasswordIsInactiveWithoutEvents() {
            fixture.given(registered(), new UserDeactivated(ID, Instant.EPOCH))
                    .when(login(PASSWORD, "s1"))
                    .expectNoEvents()
                    .expectResultMessagePayload(LoginOutcome.of(Result.INACTIVE, ID));
        }

        @Test
        void reactivationLiftsALock() {
            Instant lockedUntil = fixture.currentTime().plus(Duration.ofMinutes(10));
            fixture.given(registered(), new UserLockedOut(ID, 3, lockedUntil, fixture.currentTime()),
                            new UserDeactivated(ID, Instant.EPOCH), new UserActivated(ID, Instant.EPOCH))
                    .when(login(PASSWORD, "s1"))
                    .expectEvents(new SessionStarted(ID, "s1", "rt-s1", fixture.currentTime()))
                    .expectResultMessagePayload(LoginOutcome.of(Result.SUCCEEDED, ID));
        }

        @Test
        void theTwentyFirstSessionRevokesTheOldest() {
            List<Object> given = new ArrayList<>();
            given.add(registered());
            for (int i = 1; i <= UserAggregate.MAX_SESSIONS; i++) {
                given.add(session("s" + i, "r" + i));
            }
            assertThat(UserAggregate.MAX_SESSIONS).isEqualTo(20);
            Instant now = fixture.currentTime();
            fixture.given(given)
                    .when(new AuthenticateUser(ID, PASSWORD, "s21", "r21"))
                    .expectEvents(new SessionRevoked(ID, "s1", "superseded", now),
                            new SessionStarted(ID, "s21", "r21", now))
                    .expectResultMessagePayload(LoginOutcome.of(Result.SUCCEEDED, ID))
                    .expectState(user -> {
                        assertThat(user.sessions()).hasSize(20).doesNotContainKey("s1").containsKeys("s2", "s21");
                    });
        }

        @Test
        void theTwentiethSessionRevokesNothing() {
            List<Object> given = new ArrayList<>();
            given.add(registered());
            for (int i = 1; i < UserAggregate.MAX_SESSIONS; i++) {
                given.add(session("s" + i, "r" + i));
            }
            fixture.given(given)
                    .when(new AuthenticateUser(ID, PASSWORD, "s20", "r20"))
                    .expectEvents(new SessionStarted(ID, "s20", "r20", fixture.currentTime()));
        }
    }

    @Nested
    class Refresh {

        @Test
        void theCurrentTokenRotates() {
            fixture.given(registered(), session("s1", "r1"))
                    .when(new RefreshSession(ID, "s1", "r1", "r2"))
                    .expectEvents(new RefreshTokenRotated(ID, "s1", "r2", fixture.currentTime()))
                    .expectResultMessagePayload(RefreshOutcome.ROTATED)
                    .expectState(user -> assertThat(user.sessions()).containsEntry("s1", "r2"));
        }

        @Test
        void aRotatedTokenCanBeRotatedAgain() {
            fixture.given(registered(), session("s1", "r1"), new RefreshTokenRotated(ID, "s1", "r2", Instant.EPOCH))
                    .when(new RefreshSession(ID, "s1", "r2", "r3"))
                    .expectEvents(new RefreshTokenRotated(ID, "s1", "r3", fixture.currentTime()))
                    .expectResultMessagePayload(RefreshOutcome.ROTATED);
        }

        @Test
        void anAlreadyRotatedTokenRevokesTheSession() {
            fixture.given(registered(), session("s1", "r1"), new RefreshTokenRotated(ID, "s1", "r2", Instant.EPOCH))
                    .when(new RefreshSession(ID, "s1", "r1", "r3"))
                    .expectEvents(new SessionRevoked(ID, "s1", "refresh token reused", fixture.currentTime()))
                    .expectResultMessagePayload(RefreshOutcome.REFUSED)
                    .expectState(user -> assertThat(user.sessions()).doesNotContainKey("s1"));
        }

        @Test
        void aRevokedSessionCannotBeRefreshedEvenWithItsLastToken() {
            fixture.given(registered(), session("s1", "r1"), new RefreshTokenRotated(ID, "s1", "r2", Instant.EPOCH),
                            new SessionRevoked(ID, "s1", "refresh token reused", Instant.EPOCH))
                    .when(new RefreshSession(ID, "s1", "r2", "r3"))
                    .expectNoEvents()
                    .expectResultMessagePayload(RefreshOutcome.REFUSED);
        }

        @Test
        void reuseRevokesOnlyThatSession() {
            fixture.given(registered(), session("s1", "r1"), session("s2", "q1"),
                            new RefreshTokenRotated(ID, "s1", "r2", Instant.EPOCH))
                    .when(new RefreshSession(ID, "s1", "r1", "r3"))
                    .expectEvents(new SessionRevoked(ID, "s1", "refresh token reused", fixture.currentTime()))
                    .expectState(user -> assertThat(user.sessions()).containsOnlyKeys("s2"));
        }

        @Test
        void anUnknownSessionIsRefusedWithoutEvents() {
            fixture.given(registered(), session("s1", "r1"))
                    .when(new RefreshSession(ID, "nope", "r1", "r2"))
                    .expectNoEvents()
                    .expectResultMessagePayload(RefreshOutcome.REFUSED);
        }

        @Test
        void aDeactivatedUserIsRefused() {
            // Sessions kept across a deactivation (e.g. an older stream) still may not refresh.
            fixture.given(registered(), session("s1", "r1"), new UserDeactivated(ID, Instant.EPOCH))
                    .when(new RefreshSession(ID, "s1", "r1", "r2"))
                    .expectNoEvents()
                    .expectResultMessagePayload(RefreshOutcome.REFUSED);
        }

        @Test
        void aDeactivatedUsersRevokedSessionIsRefused() {
            fixture.given(registered(), session("s1", "r1"))
                    .andGivenCommands(new DeactivateUser(ID))
                    .when(new RefreshSession(ID, "s1", "r1", "r2"))
                    .expectNoEvents()
                    .expectResultMessagePayload(RefreshOutcome.REFUSED);
        }
    }

    @Nested
    class Profile {

        @Test
        void changingTheFirstNameUpdatesTheDerivedName() {
            fixture.given(registered())
                    .when(new ReviseProfile(ID, "Augusta", null, null))
                    .expectEvents(new UserProfileUpdated(ID, "Augusta", "Lovelace", "Augusta Lovelace",
                            "ada@example.com", fixture.currentTime()));
        }

        @Test
        void aNameThatDidNotFollowThePartsIsKept() {
            fixture.given(registered("Ada", "Lovelace", "Countess of Lovelace"))
                    .when(new ReviseProfile(ID, null, "King", null))
                    .expectEvents(new UserProfileUpdated(ID, "Ada", "King", "Countess of Lovelace",
                            "ada@example.com", fixture.currentTime()));
        }

        @Test
        void aMissingNameFollowsTheNewParts() {
            fixture.given(registered(null, null, null))
                    .when(new ReviseProfile(ID, "Ada", null, null))
                    .expectEvents(new UserProfileUpdated(ID, "Ada", null, "Ada", "ada@example.com",
                            fixture.currentTime()));
        }

        @Test
        void changingTheEmailOnly() {
            fixture.given(registered())
                    .when(new ReviseProfile(ID, null, null, "ada@lovelace.org"))
                    .expectEvents(new UserProfileUpdated(ID, "Ada", "Lovelace", "Ada Lovelace", "ada@lovelace.org",
                            fixture.currentTime()))
                    .expectState(user -> assertThat(user.email()).isEqualTo("ada@lovelace.org"));
        }

        @Test
        void reviseWithTheSameValuesIsANoOp() {
            fixture.given(registered())
                    .when(new ReviseProfile(ID, "Ada", "Lovelace", "ada@example.com"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void reviseWithNothingIsANoOp() {
            fixture.given(registered())
                    .when(new ReviseProfile(ID, null, null, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void theLastRevisionIsWhatCounts() {
            fixture.given(registered(), new UserProfileUpdated(ID, "Augusta", "Lovelace", "Augusta Lovelace",
                            "ada@example.com", Instant.EPOCH))
                    .when(new ReviseProfile(ID, "Augusta", null, null))
                    .expectNoEvents();
        }
    }

    @Nested
    class RoleAndActivation {

        @Test
        void changeRole() {
            fixture.given(registered())
                    .when(new ChangeUserRole(ID, Role.ADMIN))
                    .expectEvents(new UserRoleChanged(ID, Role.USER, Role.ADMIN, fixture.currentTime()));
        }

        @Test
        void changeToTheSameRoleIsANoOp() {
            fixture.given(registered(), new UserRoleChanged(ID, Role.USER, Role.ADMIN, Instant.EPOCH))
                    .when(new ChangeUserRole(ID, Role.ADMIN))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void activateADeactivatedUser() {
            fixture.given(registered(), new UserDeactivated(ID, Instant.EPOCH))
                    .when(new ActivateUser(ID))
                    .expectEvents(new UserActivated(ID, fixture.currentTime()));
        }

        @Test
        void activateAnActiveUserIsANoOp() {
            fixture.given(registered())
                    .when(new ActivateUser(ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void deactivateAnActiveUserWithoutSessions() {
            fixture.given(registered())
                    .when(new DeactivateUser(ID))
                    .expectEvents(new UserDeactivated(ID, fixture.currentTime()));
        }

        @Test
        void deactivateADeactivatedUserIsANoOp() {
            fixture.given(registered(), session("s1", "r1"), new UserDeactivated(ID, Instant.EPOCH))
                    .when(new DeactivateUser(ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void deactivateRevokesEveryOpenSession() {
            Instant now = fixture.currentTime();
            fixture.given(registered(), session("s1", "r1"), session("s2", "q1"), session("s3", "p1"),
                            new SessionRevoked(ID, "s2", "refresh token reused", Instant.EPOCH))
                    .when(new DeactivateUser(ID))
                    .expectEvents(new UserDeactivated(ID, now),
                            new SessionRevoked(ID, "s1", "user deactivated", now),
                            new SessionRevoked(ID, "s3", "user deactivated", now))
                    .expectState(user -> assertThat(user.sessions()).isEmpty());
        }

        @Test
        void aPasswordChangeEndsEveryOtherSession() {
            Instant now = fixture.currentTime();
            fixture.given(registered(), session("s1", "r1"), session("s2", "q1"), session("s3", "p1"))
                    .when(new dev.hangar.kernel.user.ChangePassword(ID, PASSWORD, "a new passphrase", "s2"))
                    .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                            org.axonframework.test.matchers.Matchers.messageWithPayload(org.hamcrest.Matchers.instanceOf(
                                    dev.hangar.kernel.user.PasswordChanged.class)),
                            org.axonframework.test.matchers.Matchers.messageWithPayload(org.hamcrest.Matchers.equalTo(
                                    new SessionRevoked(ID, "s1", "password changed", now))),
                            org.axonframework.test.matchers.Matchers.messageWithPayload(org.hamcrest.Matchers.equalTo(
                                    new SessionRevoked(ID, "s3", "password changed", now))),
                            org.axonframework.test.matchers.Matchers.andNoMore()))
                    .expectState(user -> assertThat(user.sessions()).containsOnlyKeys("s2"));
        }

        @Test
        void aPasswordChangeNeedsTheCurrentPasswordAndAValidNewOne() {
            fixture.given(registered(), session("s1", "r1"))
                    .when(new dev.hangar.kernel.user.ChangePassword(ID, "wrong", "a new passphrase", "s1"))
                    .expectException(dev.hangar.kernel.common.HangarException.class)
                    .expectNoEvents();
            fixture.given(registered(), session("s1", "r1"))
                    .when(new dev.hangar.kernel.user.ChangePassword(ID, PASSWORD, "é".repeat(37), "s1"))
                    .expectException(dev.hangar.kernel.common.HangarException.class)
                    .expectNoEvents();
        }

        @Test
        void logoutEndsOnlyThatSession() {
            fixture.given(registered(), session("s1", "r1"), session("s2", "q1"))
                    .when(new dev.hangar.kernel.user.EndSession(ID, "s1"))
                    .expectEvents(new SessionRevoked(ID, "s1", "logged out", fixture.currentTime()))
                    .expectState(user -> assertThat(user.sessions()).containsOnlyKeys("s2"));
        }

        @Test
        void logoutOfAnEndedSessionChangesNothing() {
            fixture.given(registered(), session("s1", "r1"), new SessionRevoked(ID, "s1", "logged out", Instant.EPOCH))
                    .when(new dev.hangar.kernel.user.EndSession(ID, "s1"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aLoggedOutRefreshTokenIsRefused() {
            fixture.given(registered(), session("s1", "r1"), new SessionRevoked(ID, "s1", "logged out", Instant.EPOCH))
                    .when(new RefreshSession(ID, "s1", "r1", "r2"))
                    .expectNoEvents()
                    .expectResultMessagePayload(RefreshOutcome.REFUSED);
        }

        @Test
        void reactivationOpensNoOldSession() {
            fixture.given(registered(), session("s1", "r1"), new UserDeactivated(ID, Instant.EPOCH),
                            new SessionRevoked(ID, "s1", "user deactivated", Instant.EPOCH), new UserActivated(ID, Instant.EPOCH))
                    .when(new RefreshSession(ID, "s1", "r1", "r2"))
                    .expectNoEvents()
                    .expectResultMessagePayload(RefreshOutcome.REFUSED);
        }

        @Test
        void reactivateThenLogInAgain() {
            fixture.given(registered(), new UserDeactivated(ID, Instant.EPOCH), new UserActivated(ID, Instant.EPOCH))
                    .when(login(PASSWORD, "s9"))
                    .expectEvents(new SessionStarted(ID, "s9", "rt-s9", fixture.currentTime()))
                    .expectResultMessagePayload(LoginOutcome.of(Result.SUCCEEDED, ID));
        }
    }
}
