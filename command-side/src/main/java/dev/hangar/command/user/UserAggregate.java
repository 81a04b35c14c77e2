package dev.hangar.command.user;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.hangar.kernel.user.ActivateUser;
import dev.hangar.kernel.user.ChangeUserRole;
import dev.hangar.kernel.user.ChangePassword;
import dev.hangar.kernel.user.DeactivateUser;
import dev.hangar.kernel.user.PasswordChanged;
import dev.hangar.kernel.user.EndSession;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A user's identity: credentials, role, activation, lockout and login sessions. Sessions are
 * refresh-token families: each holds the one token id that may be traded next.
 */
@Aggregate(snapshotTriggerDefinition = "userSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class UserAggregate {

    /** Older sessions are revoked as new ones start, so the aggregate stays small. */
    static final int MAX_SESSIONS = 20;

    @AggregateIdentifier
    private String userId;
    private String email;
    private String passwordHash;
    private String firstName;
    private String lastName;
    private String name;
    private Role role;
    private boolean active;
    private int consecutiveFailures;
    private Instant lockedUntil;
    /** Locks in a row without a successful login between them: each lasts twice as long as the last. */
    private int locksInARow;
    private LinkedHashMap<String, String> sessions = new LinkedHashMap<>();

    protected UserAggregate() {
    }

    @CommandHandler
    public UserAggregate(CreateUserAccount cmd) {
        apply(new UserRegistered(cmd.userId(), cmd.username(), cmd.email(), cmd.passwordHash(), cmd.firstName(),
                cmd.lastName(), cmd.name(), cmd.userType(), cmd.role(), cmd.tenantId(), cmd.tenantUrl(), now()));
    }

    @CommandHandler
    public LoginOutcome handle(AuthenticateUser cmd, PasswordEncoder passwordEncoder, LoginPolicy policy) {
        Instant now = now();
        // the hash is checked even while locked, so that a lock costs the caller as long as any refusal
        boolean matches = passwordEncoder.matches(cmd.password(), passwordHash);
        if (lockedUntil != null && now.isBefore(lockedUntil)) {
            return new LoginOutcome(Result.LOCKED, userId, lockedUntil);
        }
        if (!matches) {
            int failures = consecutiveFailures + 1;
            apply(new LoginFailed(userId, failures, now));
            if (failures >= policy.maxConsecutiveFailures() && !policy.exempts(email)) {
                apply(new UserLockedOut(userId, failures, now.plus(policy.lockFor(locksInARow + 1)), now));
            }
            return LoginOutcome.of(Result.INVALID_CREDENTIALS, userId);
        }
        if (!active) {
            return LoginOutcome.of(Result.INACTIVE, userId);
        }
        if (sessions.size() >= MAX_SESSIONS) {
            apply(new SessionRevoked(userId, sessions.keySet().iterator().next(), "superseded", now));
        }
        apply(new SessionStarted(userId, cmd.sessionId(), cmd.refreshTokenId(), now));
        return LoginOutcome.of(Result.SUCCEEDED, userId);
    }

    @CommandHandler
    public RefreshOutcome handle(RefreshSession cmd) {
        String current = sessions.get(cmd.sessionId());
        if (current == null || !active) {
            return RefreshOutcome.REFUSED;
        }
        if (!current.equals(cmd.presentedTokenId())) {
            // A refresh token presented a second time: whoever holds the family may be a thief.
            apply(new SessionRevoked(userId, cmd.sessionId(), "refresh token reused", now()));
            return RefreshOutcome.REFUSED;
        }
        apply(new RefreshTokenRotated(userId, cmd.sessionId(), cmd.nextTokenId(), now()));
        return RefreshOutcome.ROTATED;
    }

    /** Checked before anything is hashed; every other session ends, the caller's stays. */
    @CommandHandler
    public void handle(ChangePassword cmd, PasswordEncoder passwordEncoder) {
        dev.hangar.kernel.common.Limits.checkPassword(cmd.newPassword());
        if (cmd.currentPassword() == null
                || dev.hangar.kernel.common.Limits.utf8Length(cmd.currentPassword()) > dev.hangar.kernel.common.Limits.PASSWORD_MAX_BYTES
                || !passwordEncoder.matches(cmd.currentPassword(), passwordHash)) {
            throw new dev.hangar.kernel.common.HangarException(dev.hangar.kernel.common.HangarException.Kind.UNAUTHORIZED,
                    "INVALID_CREDENTIALS", "Invalid credentials");
        }
        Instant now = now();
        apply(new PasswordChanged(userId, passwordEncoder.encode(cmd.newPassword()), now));
        new ArrayList<>(sessions.keySet()).stream().filter(s -> !s.equals(cmd.keepSessionId()))
                .forEach(s -> apply(new SessionRevoked(userId, s, "password changed", now)));
    }

    @EventSourcingHandler
    void on(PasswordChanged e) {
        passwordHash = e.passwordHash();
    }

    /** A logout; ending a session that is already over changes nothing. */
    @CommandHandler
    public void handle(EndSession cmd) {
        if (sessions.containsKey(cmd.sessionId())) {
            apply(new SessionRevoked(userId, cmd.sessionId(), "logged out", now()));
        }
    }

    @CommandHandler
    public void handle(ReviseProfile cmd) {
        String newFirst = cmd.firstName() != null ? cmd.firstName() : firstName;
        String newLast = cmd.lastName() != null ? cmd.lastName() : lastName;
        String newEmail = cmd.email() != null ? cmd.email() : email;
        if (Objects.equals(newFirst, firstName) && Objects.equals(newLast, lastName) && newEmail.equals(email)) {
            return;
        }
        boolean nameFollowsParts = name == null || name.equals(displayName(firstName, lastName));
        String newName = nameFollowsParts ? displayName(newFirst, newLast) : name;
        apply(new UserProfileUpdated(userId, newFirst, newLast, newName, newEmail, now()));
    }

    @CommandHandler
    public void handle(ChangeUserRole cmd) {
        if (cmd.role() != role) {
            apply(new UserRoleChanged(userId, role, cmd.role(), now()));
        }
    }

    @CommandHandler
    public void handle(ActivateUser cmd) {
        if (!active) {
            apply(new UserActivated(userId, now()));
        }
    }

    @CommandHandler
    public void handle(DeactivateUser cmd) {
        if (active) {
            Instant now = now();
            apply(new UserDeactivated(userId, now));
            new ArrayList<>(sessions.keySet()).forEach(s -> apply(new SessionRevoked(userId, s, "user deactivated", now)));
        }
    }

    /** The email this user holds now; the identity handler needs it to release the claim on a change. */
    String email() {
        return email;
    }

    static String displayName(String first, String last) {
        String joined = ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
        return joined.isEmpty() ? null : joined;
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    @EventSourcingHandler
    void on(UserRegistered e) {
        userId = e.userId();
        email = e.email();
        passwordHash = e.passwordHash();
        firstName = e.firstName();
        lastName = e.lastName();
        name = e.name();
        role = e.role();
        active = true;
    }

    @EventSourcingHandler
    void on(UserProfileUpdated e) {
        firstName = e.firstName();
        lastName = e.lastName();
        name = e.name();
        email = e.email();
    }

    @EventSourcingHandler
    void on(UserRoleChanged e) {
        role = e.role();
    }

    @EventSourcingHandler
    void on(UserActivated e) {
        active = true;
        consecutiveFailures = 0;
        lockedUntil = null;
        locksInARow = 0;
    }

    @EventSourcingHandler
    void on(UserDeactivated e) {
        active = false;
    }

    @EventSourcingHandler
    void on(LoginFailed e) {
        consecutiveFailures = e.consecutiveFailures();
    }

    @EventSourcingHandler
    void on(UserLockedOut e) {
        lockedUntil = e.lockedUntil();
        consecutiveFailures = 0;
        locksInARow++;
    }

    @EventSourcingHandler
    void on(SessionStarted e) {
        consecutiveFailures = 0;
        lockedUntil = null;
        locksInARow = 0;
        sessions.put(e.sessionId(), e.refreshTokenId());
    }

    @EventSourcingHandler
    void on(RefreshTokenRotated e) {
        sessions.put(e.sessionId(), e.refreshTokenId());
    }

    @EventSourcingHandler
    void on(SessionRevoked e) {
        sessions.remove(e.sessionId());
    }

    Map<String, String> sessions() {
        return sessions;
    }
}
