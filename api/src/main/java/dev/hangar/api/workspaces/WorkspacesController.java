package dev.hangar.api.workspaces;

import dev.hangar.api.consistency.ReadYourWrites;
import dev.hangar.api.security.AuthenticatedUser;
import dev.hangar.api.workspaces.WorkspacesDtos.DisconnectRequest;
import dev.hangar.api.workspaces.WorkspacesDtos.Done;
import dev.hangar.api.workspaces.WorkspacesDtos.Instance;
import dev.hangar.api.workspaces.WorkspacesDtos.InstanceAnswer;
import dev.hangar.api.workspaces.WorkspacesDtos.InstanceList;
import dev.hangar.api.workspaces.WorkspacesDtos.InstanceRequest;
import dev.hangar.api.workspaces.WorkspacesDtos.Outcome;
import dev.hangar.kernel.workspace.ConnectInstance;
import dev.hangar.kernel.workspace.ConnectedInstanceView;
import dev.hangar.kernel.workspace.DisconnectInstance;
import dev.hangar.kernel.workspace.InstanceHealth;
import dev.hangar.kernel.workspace.ModifyConnectedInstance;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Seed 000: databases that live elsewhere, connected into the workspaces of the caller's tenant. */
@RestController
@RequestMapping("/{tenantUrl}/api/v1/workspaces/{workspace}/instances")
@Tag(name = "Workspaces: connected instances")
class WorkspacesController {

    private final CommandGateway commands;
    private final WorkspaceDirectory directory;
    private final ReadYourWrites consistency;

    WorkspacesController(CommandGateway commands, WorkspaceDirectory directory, ReadYourWrites consistency) {
        this.commands = commands;
        this.directory = directory;
        this.consistency = consistency;
    }

    /** A workspace exists once a path names it: an empty one lists {@code []}. */
    @GetMapping
    InstanceList list(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable String tenantUrl,
                      @PathVariable String workspace) {
        WorkspaceDirectory.requireOwnTenant(me, tenantUrl);
        return new InstanceList(directory.list(me.tenantId(), workspace).stream().map(Instance::of).toList());
    }

    @GetMapping("/{name}")
    InstanceAnswer show(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable String tenantUrl,
                        @PathVariable String workspace, @PathVariable String name) {
        WorkspaceDirectory.requireOwnTenant(me, tenantUrl);
        return new InstanceAnswer(Instance.of(directory.require(me.tenantId(), workspace, name)));
    }

    /** Answers once the first probe is recorded (bounded): healthy or unhealthy, always 201. */
    @PostMapping("/connect")
    @ResponseStatus(HttpStatus.CREATED)
    Outcome connect(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable String tenantUrl,
                    @PathVariable String workspace, @RequestBody InstanceRequest body) {
        WorkspaceDirectory.requireOwnTenant(me, tenantUrl);
        commands.sendAndWait(new ConnectInstance(UUID.randomUUID().toString(), me.tenantId(), workspace, me.userId(),
                body.spec()));
        consistency.awaitProjections();
        ConnectedInstanceView view = directory.awaitProbed(me.tenantId(), workspace, body.instanceName().trim());
        return Outcome.of("Instance connected successfully", Instance.of(view));
    }

    /** A change of address or credentials answers once the new probe is recorded (bounded). */
    @PutMapping("/{name}")
    Outcome modify(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable String tenantUrl,
                   @PathVariable String workspace, @PathVariable String name, @RequestBody InstanceRequest body) {
        WorkspaceDirectory.requireOwnTenant(me, tenantUrl);
        ConnectedInstanceView before = directory.require(me.tenantId(), workspace, name);
        commands.sendAndWait(new ModifyConnectedInstance(before.instanceId(), body.spec()));
        consistency.awaitProjections();
        String now = body.instanceName() != null ? body.instanceName().trim() : name;
        ConnectedInstanceView view = directory.require(me.tenantId(), workspace, now);
        if (view.status() == InstanceHealth.PENDING) {
            view = directory.awaitProbed(me.tenantId(), workspace, now);
        }
        return Outcome.of("Instance updated successfully", Instance.of(view));
    }

    /** {@code delete_instance: true} removes it; otherwise it stays, disabled and disconnected. */
    @PostMapping("/{name}/disconnect")
    Done disconnect(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable String tenantUrl,
                    @PathVariable String workspace, @PathVariable String name,
                    @RequestBody(required = false) DisconnectRequest body) {
        WorkspaceDirectory.requireOwnTenant(me, tenantUrl);
        ConnectedInstanceView view = directory.require(me.tenantId(), workspace, name);
        boolean delete = body != null && Boolean.TRUE.equals(body.deleteInstance());
        commands.sendAndWait(new DisconnectInstance(view.instanceId(), delete));
        consistency.awaitProjections();
        return Done.of("Instance disconnected successfully");
    }
}
