package dev.hangar.api.security;

import dev.hangar.api.consistency.ReadYourWrites;
import dev.hangar.kernel.common.HangarException;
import dev.hangar.kernel.common.HangarException.Kind;
import dev.hangar.kernel.user.EndSession;
import dev.hangar.kernel.user.LogIn;
import dev.hangar.kernel.user.LoginOutcome;
import dev.hangar.kernel.user.RefreshOutcome;
import dev.hangar.kernel.user.RefreshSession;
import dev.hangar.kernel.user.UserView;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** Logins and refreshes as every surface does them; the surfaces only shape the answer. */
@Component
public class Sessions {

    public record Issued(UserView user, JwtService.AccessToken access, String refreshToken) {
    }

    private final CommandGateway commands;
    private final UserDirectory users;
    private final JwtService jwt;
    private final LoginThrottle throttle;
    private final ReadYourWrites consistency;

    public Sessions(CommandGateway commands, UserDirectory users, JwtService jwt, LoginThrottle throttle,
                    ReadYourWrites consistency) {
        this.throttle = throttle;
        this.consistency = consistency;
        this.commands = commands;
        this.users = users;
        this.jwt = jwt;
    }

    /** A login from a client address: refused (429) while a delay holds for it, counted when it fails. */
    public Issued logIn(String login, String password, String clientAddress) {
        throttle.checkLogin(clientAddress, login);
        try {
            Issued issued = logIn(login, password);
            throttle.loginSucceeded(clientAddress, login);
            return issued;
        } catch (HangarException e) {
            if (e.kind() == Kind.UNAUTHORIZED) {
                throttle.loginFailed(clientAddress, login);
            }
            throw e;
        }
    }

    /** Refuses (429) a registration past the configured number per address an hour. */
    public void checkRegistration(String clientAddress) {
        throttle.checkRegistration(clientAddress);
    }

    public Issued logIn(String login, String password) {
        String sessionId = UUID.randomUUID().toString();
        String tokenId = UUID.randomUUID().toString();
        LoginOutcome outcome = commands.sendAndWait(new LogIn(login, password, sessionId, tokenId));
        switch (outcome.result()) {
            case SUCCEEDED -> { }
            // a locked account answers as a wrong password does: the answer tells no one the account exists
            case INACTIVE -> throw inactive();
            default -> throw new HangarException(Kind.UNAUTHORIZED, "INVALID_CREDENTIALS", "Invalid credentials");
        }
        // the new session is in the view before its token is used: access tokens are checked against it
        consistency.awaitProjections();
        UserView user = users.find(outcome.userId()).orElseThrow(Sessions::invalidCredentials);
        return new Issued(user, jwt.issueAccess(user, sessionId), jwt.issueRefresh(user.id(), sessionId, tokenId));
    }

    public Issued refresh(String refreshToken) {
        JwtService.RefreshClaims claims = jwt.verifyRefresh(refreshToken)
                .orElseThrow(() -> new HangarException(Kind.UNAUTHORIZED, "UNAUTHORIZED", "Invalid refresh token"));
        UserView user = users.find(claims.userId())
                .orElseThrow(() -> new HangarException(Kind.UNAUTHORIZED, "UNAUTHORIZED", "Invalid refresh token"));
        if (!user.active()) {
            throw inactive();
        }
        String next = UUID.randomUUID().toString();
        RefreshOutcome outcome = commands.sendAndWait(
                new RefreshSession(claims.userId(), claims.sessionId(), claims.tokenId(), next));
        if (outcome != RefreshOutcome.ROTATED) {
            throw new HangarException(Kind.UNAUTHORIZED, "UNAUTHORIZED", "Invalid refresh token");
        }
        return new Issued(user, jwt.issueAccess(user, claims.sessionId()),
                jwt.issueRefresh(user.id(), claims.sessionId(), next));
    }

    /**
     * Ends the session of the request's access token: its refresh token is refused from now on, and so
     * is every access token of the session, once the read model shows it (the caller awaits that).
     */
    public void logOut(AuthenticatedUser me, jakarta.servlet.http.HttpServletRequest request) {
        JwtService.AccessClaims token = jwt.bearerClaims(request).orElse(null);
        if (token == null || token.sessionId() == null) {
            throw new HangarException(Kind.UNAUTHORIZED, "UNAUTHORIZED", "This token names no session");
        }
        commands.sendAndWait(new EndSession(me.userId(), token.sessionId()));
    }

    private static HangarException inactive() {
        return new HangarException(Kind.UNAUTHORIZED, "ACCOUNT_INACTIVE", "Account is inactive");
    }

    private static HangarException invalidCredentials() {
        return new HangarException(Kind.UNAUTHORIZED, "INVALID_CREDENTIALS", "Invalid credentials");
    }
}
