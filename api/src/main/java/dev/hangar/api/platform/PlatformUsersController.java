package dev.hangar.api.platform;

import dev.hangar.api.consistency.ReadYourWrites;
import dev.hangar.api.platform.PlatformDtos.UpdateMeRequest;
import dev.hangar.api.platform.PlatformDtos.User;
import dev.hangar.api.security.AuthenticatedUser;
import dev.hangar.api.security.CurrentUserView;
import dev.hangar.kernel.user.UpdateProfile;
import dev.hangar.kernel.user.UserView;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Platform v1: users")
class PlatformUsersController {

    private final CommandGateway commands;
    private final PlatformDirectory directory;
    private final ReadYourWrites consistency;

    PlatformUsersController(CommandGateway commands, PlatformDirectory directory, ReadYourWrites consistency) {
        this.commands = commands;
        this.directory = directory;
        this.consistency = consistency;
    }

    /** The user as the authentication filter read it for this very request. */
    @GetMapping("/me")
    User me(@CurrentUserView UserView me) {
        return User.of(me);
    }

    @PutMapping("/me")
    User update(@AuthenticationPrincipal AuthenticatedUser me, @Valid @RequestBody UpdateMeRequest body) {
        commands.sendAndWait(new UpdateProfile(me.userId(), body.firstName(), body.lastName(), body.email()));
        consistency.await();
        return User.of(directory.user(me.userId()));
    }
}
