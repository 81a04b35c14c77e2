package dev.hangar.api.platform;

import dev.hangar.api.consistency.ReadYourWrites;
import dev.hangar.api.platform.PlatformDtos.Message;
import dev.hangar.api.platform.PlatformDtos.RoleRequest;
import dev.hangar.api.platform.PlatformDtos.User;
import dev.hangar.api.platform.PlatformDtos.UserList;
import dev.hangar.kernel.common.HangarException;
import dev.hangar.kernel.user.ActivateUser;
import dev.hangar.kernel.user.ChangeUserRole;
import dev.hangar.kernel.user.DeactivateUser;
import dev.hangar.kernel.user.Role;
import dev.hangar.kernel.user.UserPage;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/v1/admin/users")
@Tag(name = "Platform v1: admin")
class PlatformAdminController {

    private final CommandGateway commands;
    private final PlatformDirectory directory;
    private final ReadYourWrites consistency;

    PlatformAdminController(CommandGateway commands, PlatformDirectory directory, ReadYourWrites consistency) {
        this.commands = commands;
        this.directory = directory;
        this.consistency = consistency;
    }

    @GetMapping
    UserList list(@RequestParam(defaultValue = "10") @Min(1) @Max(1000) int limit,
                  @RequestParam(defaultValue = "0") @Min(0) int offset) {
        UserPage page = directory.users(limit, offset);
        return new UserList(page.users().stream().map(User::of).toList(), page.total(), limit, offset);
    }

    @PutMapping("/{id}/role")
    Message role(@PathVariable String id, @Valid @RequestBody RoleRequest body) {
        Role role = Role.parse(body.role()).orElseThrow(() -> HangarException.validation("Invalid role"));
        commands.sendAndWait(new ChangeUserRole(PlatformIds.require(id, "user"), role));
        consistency.await();
        return new Message("User role updated successfully");
    }

    @PutMapping("/{id}/activate")
    Message activate(@PathVariable String id) {
        commands.sendAndWait(new ActivateUser(PlatformIds.require(id, "user")));
        consistency.await();
        return new Message("User activated successfully");
    }

    @PutMapping("/{id}/deactivate")
    Message deactivate(@PathVariable String id) {
        commands.sendAndWait(new DeactivateUser(PlatformIds.require(id, "user")));
        consistency.await();
        return new Message("User deactivated successfully");
    }
}
