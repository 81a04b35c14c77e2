package dev.hangar.api.platform;

import dev.hangar.api.consistency.ReadYourWrites;
import dev.hangar.api.platform.PlatformDtos.LoginRequest;
import dev.hangar.api.platform.PlatformDtos.RefreshRequest;
import dev.hangar.api.platform.PlatformDtos.RegisterRequest;
import dev.hangar.api.platform.PlatformDtos.Registered;
import dev.hangar.api.platform.PlatformDtos.Session;
import dev.hangar.api.platform.PlatformDtos.SessionUser;
import dev.hangar.api.platform.PlatformDtos.User;
import dev.hangar.api.security.AuthenticatedUser;
import dev.hangar.api.security.Sessions;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import dev.hangar.kernel.user.RegisterUser;
import dev.hangar.kernel.user.RegisteredUser;
import dev.hangar.kernel.user.Role;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Platform v1: auth")
class PlatformAuthController {

    private final CommandGateway commands;
    private final PlatformDirectory directory;
    private final Sessions sessions;
    private final ReadYourWrites consistency;

    PlatformAuthController(CommandGateway commands, PlatformDirectory directory, Sessions sessions, ReadYourWrites consistency) {
        this.commands = commands;
        this.directory = directory;
        this.sessions = sessions;
        this.consistency = consistency;
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    Registered register(@Valid @RequestBody RegisterRequest body, HttpServletRequest request) {
        sessions.checkRegistration(request.getRemoteAddr());
        RegisteredUser registered = commands.sendAndWait(new RegisterUser(UUID.randomUUID().toString(), body.username(),
                body.email(), body.password(), body.firstName(), body.lastName(), null, null, Role.USER));
        consistency.await();
        return new Registered("User registered successfully", User.of(directory.user(registered.userId())));
    }

    /** {@code username} takes a username or an email. */
    @PostMapping("/login")
    Session login(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
        return session(sessions.logIn(body.username(), body.password(), request.getRemoteAddr()));
    }

    @PostMapping("/refresh")
    Session refresh(@Valid @RequestBody RefreshRequest body) {
        return session(sessions.refresh(body.refreshToken()));
    }

    /** Ends this token's session: its access and refresh tokens are refused from the answer on. */
    @PostMapping("/logout")
    PlatformDtos.Message logout(@AuthenticationPrincipal AuthenticatedUser me, HttpServletRequest request) {
        sessions.logOut(me, request);
        consistency.await();
        return new PlatformDtos.Message("Logged out successfully");
    }

    private static Session session(Sessions.Issued issued) {
        return new Session(issued.access().token(), issued.refreshToken(), SessionUser.of(issued.user()),
                issued.access().expiresAt());
    }
}
