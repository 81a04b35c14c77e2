package dev.hangar.api.databases;

import dev.hangar.api.config.HangarProperties;
import dev.hangar.api.consistency.ReadYourWrites;
import dev.hangar.api.databases.DatabasesDtos.Created;
import dev.hangar.api.databases.DatabasesDtos.CreateRequest;
import dev.hangar.api.databases.DatabasesDtos.Detail;
import dev.hangar.api.databases.DatabasesDtos.Message;
import dev.hangar.api.databases.DatabasesDtos.Rotated;
import dev.hangar.api.databases.DatabasesDtos.StatusChange;
import dev.hangar.api.databases.DatabasesDtos.Summary;
import dev.hangar.api.security.AuthenticatedUser;
import dev.hangar.kernel.common.HangarException;
import dev.hangar.kernel.common.HangarException.Kind;
import dev.hangar.kernel.database.CreateDatabase;
import dev.hangar.kernel.database.DatabaseCreated;
import dev.hangar.kernel.database.DatabaseStatus;
import dev.hangar.kernel.database.DatabaseView;
import dev.hangar.kernel.database.DeleteDatabase;
import dev.hangar.kernel.database.EngineView;
import dev.hangar.kernel.database.PasswordRotation;
import dev.hangar.kernel.database.ResumeDatabase;
import dev.hangar.kernel.database.RotateDatabasePassword;
import dev.hangar.kernel.database.RotatedPassword;
import dev.hangar.kernel.database.SuspendDatabase;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/databases")
@Tag(name = "Databases: instances")
class DatabasesController {

    private final CommandGateway commands;
    private final DatabaseDirectory directory;
    private final ReadYourWrites consistency;
    private final String publicHost;
    private final Duration containerTimeout;

    DatabasesController(CommandGateway commands, DatabaseDirectory directory,
                        ReadYourWrites consistency, HangarProperties properties) {
        this.commands = commands;
        this.directory = directory;
        this.consistency = consistency;
        this.publicHost = properties.publicHost();
        this.containerTimeout = properties.consistency().containerOperationTimeout();
    }

    /** Answers at once with CREATING; the provisioning saga carries on. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Created create(@AuthenticationPrincipal AuthenticatedUser me, @Valid @RequestBody CreateRequest body) {
        DatabaseCreated created = commands.sendAndWait(new CreateDatabase(UUID.randomUUID().toString(), me.userId(),
                body.engine(), blankToNull(body.databaseName()), publicHost));
        EngineView engine = directory.engine(created.engine());
        consistency.awaitProjections();
        return new Created(created.instanceId(), created.engine(), created.databaseName(), DatabaseStatus.CREATING.name(),
                created.host(), created.port(), created.username(), created.password(),
                ConnectionStrings.of(engine.scheme(), created.username(), created.password(), created.host(),
                        created.port(), created.databaseName()),
                created.createdAt());
    }

    @GetMapping
    List<Summary> list(@AuthenticationPrincipal AuthenticatedUser me) {
        return directory.list(me.userId()).stream().map(Summary::of).toList();
    }

    @GetMapping("/{id}")
    Detail get(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable String id) {
        DatabaseView view = directory.require(me.userId(), id);
        return Detail.of(view, directory.engine(view.engine()));
    }

    /** Answers once the container has stopped. */
    @PutMapping("/{id}/suspend")
    StatusChange suspend(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable String id) {
        DatabaseView view = carryOut(me, id, new SuspendDatabase(id),
                DatabaseDirectory.settledFrom(DatabaseStatus.SUSPENDING)).orElseThrow();
        return new StatusChange(id, view.status().name(), "Instance suspended successfully");
    }

    /** Answers once the engine accepts logins again. */
    @PutMapping("/{id}/resume")
    StatusChange resume(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable String id) {
        DatabaseView view = carryOut(me, id, new ResumeDatabase(id),
                DatabaseDirectory.settledFrom(DatabaseStatus.RESUMING)).orElseThrow();
        if (view.status() != DatabaseStatus.RUNNING) {
            throw HangarException.containerRuntime("Resume failed: " + view.failureReason());
        }
        return new StatusChange(id, view.status().name(), "Instance resumed successfully");
    }

    /** Answers once container and volume are gone. */
    @DeleteMapping("/{id}")
    Message delete(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable String id) {
        carryOut(me, id, new DeleteDatabase(id), view -> view == null);
        consistency.awaitProjections(); // the freed slot, in the subscriptions read model
        return new Message("Instance deleted successfully");
    }

    /** Answers once the engine refuses the old password and accepts the new one. */
    @PostMapping("/{id}/rotate-password")
    Rotated rotate(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable String id) {
        DatabaseView before = directory.require(me.userId(), id);
        RotatedPassword rotated = commands.sendAndWait(new RotateDatabasePassword(id));
        PasswordRotation outcome = directory.awaitState(me.userId(), id, v -> v != null && v.lastRotation() != null
                && v.lastRotation().isFor(rotated.rotationId()) && v.lastRotation().settled(), containerTimeout)
                .orElseThrow().lastRotation();
        if (outcome.outcome() != PasswordRotation.Outcome.ROTATED) {
            throw HangarException.containerRuntime("Rotation failed; the previous password still holds: FAILED: "
                    + outcome.failureReason());
        }
        EngineView engine = directory.engine(before.engine());
        return new Rotated(id, rotated.username(), rotated.newPassword(), ConnectionStrings.of(engine.scheme(),
                rotated.username(), rotated.newPassword(), before.host(), before.port(), before.databaseName()),
                "Password rotated successfully");
    }

    @GetMapping("/{id}/credentials/pdf")
    ResponseEntity<byte[]> credentials(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable String id) {
        DatabaseView view = directory.require(me.userId(), id);
        byte[] pdf = CredentialsPdf.render(Detail.of(view, directory.engine(view.engine())));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("hangar-" + view.databaseName() + "-credentials.pdf").build().toString())
                .body(pdf);
    }

    /**
     * Sends a container operation for the caller's database and answers once it is done: first the
     * request's own event is projected (the view shows the transitional state), then the saga's.
     */
    private Optional<DatabaseView> carryOut(AuthenticatedUser me, String id, Object command,
                                            Predicate<DatabaseView> done) {
        directory.require(me.userId(), id);
        commands.sendAndWait(command);
        consistency.awaitProjections();
        return directory.awaitState(me.userId(), id, done, containerTimeout);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
