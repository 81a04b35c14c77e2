package dev.hangar.command.user;

import dev.hangar.command.claim.Claims;
import dev.hangar.command.claim.Claims.Kind;
import dev.hangar.kernel.common.Emails;
import dev.hangar.kernel.common.HangarException;
import dev.hangar.kernel.common.Limits;
import dev.hangar.kernel.common.Slugs;
import dev.hangar.kernel.user.LogIn;
import dev.hangar.kernel.user.LoginOutcome;
import dev.hangar.kernel.user.RegisterUser;
import dev.hangar.kernel.user.RegisteredUser;
import dev.hangar.kernel.user.Role;
import dev.hangar.kernel.user.UpdateProfile;
import dev.hangar.kernel.user.UserType;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The commands that span a user and its unique names. Claims and the user commit in one unit of
 * work; the user's own rules stay in {@link UserAggregate}, reached through its command handlers.
 */
@Component
public class IdentityCommandHandler {

    private final Repository<UserAggregate> users;
    private final Claims claims;
    private final PasswordEncoder passwordEncoder;
    /** Spent on unknown logins so that a miss costs as long as a wrong password. */
    private final String decoyHash;

    public IdentityCommandHandler(Repository<UserAggregate> users, Claims claims, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.claims = claims;
        this.passwordEncoder = passwordEncoder;
        this.decoyHash = passwordEncoder.encode(UUID.randomUUID().toString());
    }

    @CommandHandler
    public RegisteredUser handle(RegisterUser cmd) throws Exception {
        Limits.checkEmail(cmd.email());
        Limits.checkPassword(cmd.password());
        String email = Emails.normalize(cmd.email());
        if (!claims.take(Kind.EMAIL, email, cmd.userId())) {
            throw HangarException.validation("Username or email already exists");
        }
        String username;
        if (cmd.username() != null) {
            username = cmd.username();
            if (!claims.take(Kind.USERNAME, username, cmd.userId())) {
                throw HangarException.validation("Username or email already exists");
            }
        } else {
            String base = Slugs.slugify(Emails.localPart(email)).replace('-', '_');
            username = claims.takeFirstFree(Kind.USERNAME, n -> n <= 1 ? base : base + "_" + n, cmd.userId());
        }
        String slug = Slugs.slugify(username);
        String tenantUrl = claims.takeFirstFree(Kind.TENANT, n -> Slugs.candidate(slug, n), cmd.userId());
        String tenantId = UUID.randomUUID().toString();
        String name = cmd.name() != null ? cmd.name() : UserAggregate.displayName(cmd.firstName(), cmd.lastName());
        CreateUserAccount create = new CreateUserAccount(cmd.userId(), username, email,
                passwordEncoder.encode(cmd.password()), cmd.firstName(), cmd.lastName(), name,
                cmd.userType() == null ? UserType.INDIVIDUAL : cmd.userType(),
                cmd.role() == null ? Role.USER : cmd.role(), tenantId, tenantUrl);
        users.newInstance(() -> new UserAggregate(create));
        return new RegisteredUser(cmd.userId(), username, email, tenantId, tenantUrl);
    }

    @CommandHandler
    public LoginOutcome handle(LogIn cmd) throws Exception {
        String login = cmd.login() == null ? "" : cmd.login().trim();
        Optional<String> userId = login.contains("@")
                ? claims.ownerOf(Kind.EMAIL, Emails.normalize(login))
                : claims.ownerOf(Kind.USERNAME, login);
        if (userId.isEmpty() || Limits.utf8Length(cmd.password()) > Limits.PASSWORD_MAX_BYTES) {
            // never hash more than BCrypt reads; the decoy keeps a miss as slow as a wrong password
            passwordEncoder.matches(cmd.password() == null ? "" : truncated(cmd.password()), decoyHash);
            return LoginOutcome.of(LoginOutcome.Result.INVALID_CREDENTIALS, null);
        }
        return (LoginOutcome) users.load(userId.get()).handle(GenericCommandMessage.asCommandMessage(
                new AuthenticateUser(userId.get(), cmd.password(), cmd.sessionId(), cmd.refreshTokenId())));
    }

    @CommandHandler
    public void handle(UpdateProfile cmd) throws Exception {
        if (cmd.email() != null) {
            Limits.checkEmail(cmd.email());
        }
        Aggregate<UserAggregate> user = users.load(cmd.userId());
        String newEmail = cmd.email() == null ? null : Emails.normalize(cmd.email());
        String oldEmail = user.invoke(UserAggregate::email);
        if (newEmail != null && !newEmail.equals(oldEmail)) {
            if (!claims.take(Kind.EMAIL, newEmail, cmd.userId())) {
                throw HangarException.validation("Email already exists");
            }
            claims.release(Kind.EMAIL, oldEmail, cmd.userId());
        }
        user.handle(GenericCommandMessage.asCommandMessage(
                new ReviseProfile(cmd.userId(), cmd.firstName(), cmd.lastName(), newEmail)));
    }

    /** A password cut to BCrypt's limit, only ever hashed against the decoy. */
    private static String truncated(String password) {
        return password.length() > Limits.PASSWORD_MAX_BYTES ? password.substring(0, Limits.PASSWORD_MAX_BYTES) : password;
    }
}
