package dev.hangar.api.databases;

import dev.hangar.api.consistency.ReadYourWrites;
import dev.hangar.api.databases.DatabasesDtos.LoggedIn;
import dev.hangar.api.databases.DatabasesDtos.LoginRequest;
import dev.hangar.api.databases.DatabasesDtos.PlanSummary;
import dev.hangar.api.databases.DatabasesDtos.Profile;
import dev.hangar.api.databases.DatabasesDtos.RegisterRequest;
import dev.hangar.api.databases.DatabasesDtos.Registered;
import dev.hangar.api.databases.DatabasesDtos.SessionUser;
import dev.hangar.api.security.AuthenticatedUser;
import dev.hangar.api.security.Sessions;
import dev.hangar.kernel.subscription.SubscriptionView;
import dev.hangar.kernel.user.RegisterUser;
import dev.hangar.kernel.user.RegisteredUser;
import dev.hangar.kernel.user.Role;
import dev.hangar.kernel.user.UserType;
import dev.hangar.kernel.user.UserView;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/auth")
@Tag(name = "Databases: auth")
class DatabasesAuthController {

    private final CommandGateway commands;
    private final DatabaseDirectory directory;
    private final Sessions sessions;
    private final ReadYourWrites consistency;

    DatabasesAuthController(CommandGateway commands, DatabaseDirectory directory, Sessions sessions,
                            ReadYourWrites consistency) {
        this.commands = commands;
        this.directory = directory;
        this.sessions = sessions;
        this.consistency = consistency;
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    Registered register(@Valid @RequestBody RegisterRequest body, HttpServletRequest request) {
        sessions.checkRegistration(request.getRemoteAddr());
        UserType type = body.userType() == null ? UserType.INDIVIDUAL : UserType.valueOf(body.userType());
        RegisteredUser registered = commands.sendAndWait(new RegisterUser(UUID.randomUUID().toString(), null,
                body.email(), body.password(), null, null, body.name(), type, Role.USER));
        consistency.await();
        // the token handed out at registration belongs to a session like any other, so it can be ended
        Sessions.Issued issued = sessions.logIn(registered.email(), body.password());
        consistency.await();
        UserView user = issued.user();
        return new Registered(user.id(), issued.access().token(), user.email(), user.name(),
                user.userType().name());
    }

    @PostMapping("/login")
    LoggedIn login(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
        Sessions.Issued issued = sessions.logIn(body.email(), body.password(), request.getRemoteAddr());
        SubscriptionView subscription = directory.subscription(issued.user().id());
        return new LoggedIn(issued.access().token(), SessionUser.of(issued.user()),
                new PlanSummary(subscription.plan().name(), subscription.plan().maxInstances()));
    }

    /** Ends this token's session: its access token is refused from the answer on. */
    @PostMapping("/logout")
    DatabasesDtos.Message logout(@AuthenticationPrincipal AuthenticatedUser me, HttpServletRequest request) {
        sessions.logOut(me, request);
        consistency.await();
        return new DatabasesDtos.Message("Logged out successfully");
    }

    @GetMapping("/profile")
    Profile profile(@AuthenticationPrincipal AuthenticatedUser me) {
        return Profile.of(directory.user(me.userId()), directory.subscription(me.userId()));
    }
}
