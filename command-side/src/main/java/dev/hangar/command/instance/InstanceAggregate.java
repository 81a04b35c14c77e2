package dev.hangar.command.instance;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.hangar.kernel.common.HangarException;
import dev.hangar.kernel.common.Passwords;
import dev.hangar.kernel.common.SecretBox;
import dev.hangar.kernel.database.CompletePasswordRotation;
import dev.hangar.kernel.database.DatabaseContainerExited;
import dev.hangar.kernel.database.DatabaseDeleted;
import dev.hangar.kernel.database.DatabaseDeletionRequested;
import dev.hangar.kernel.database.DatabasePasswordRotated;
import dev.hangar.kernel.database.DatabasePasswordRotationFailed;
import dev.hangar.kernel.database.DatabasePasswordRotationRequested;
import dev.hangar.kernel.database.DatabaseProvisioned;
import dev.hangar.kernel.database.DatabaseProvisioningFailed;
import dev.hangar.kernel.database.DatabaseRequested;
import dev.hangar.kernel.database.DatabaseResumeFailed;
import dev.hangar.kernel.database.DatabaseResumeRequested;
import dev.hangar.kernel.database.DatabaseResumed;
import dev.hangar.kernel.database.DatabaseStatus;
import dev.hangar.kernel.database.DatabaseSuspended;
import dev.hangar.kernel.database.DatabaseSuspensionRequested;
import dev.hangar.kernel.database.DeleteDatabase;
import dev.hangar.kernel.database.FailDatabaseResume;
import dev.hangar.kernel.database.FailPasswordRotation;
import dev.hangar.kernel.database.MarkDatabaseResumed;
import dev.hangar.kernel.database.MarkDatabaseRunning;
import dev.hangar.kernel.database.MarkDatabaseSuspended;
import dev.hangar.kernel.database.RecordContainerExited;
import dev.hangar.kernel.database.ResumeDatabase;
import dev.hangar.kernel.database.RotateDatabasePassword;
import dev.hangar.kernel.database.RotatedPassword;
import dev.hangar.kernel.database.SuspendDatabase;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A database instance: its lifecycle as the provisioning saga reports it, and the user's wishes
 * (suspend, resume, delete, rotate) that the saga carries out. While it {@code holdsResources},
 * it holds a plan slot and a host port.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class InstanceAggregate {

    @AggregateIdentifier
    private String instanceId;
    private String ownerId;
    private String username;
    private int port;
    private DatabaseStatus status;
    private boolean holdsResources;
    private String pendingRotationId;
    private String pendingRotationCiphertext;

    protected InstanceAggregate() {
    }

    @CommandHandler
    InstanceAggregate(RegisterDatabase cmd) {
        apply(cmd.request());
    }

    @CommandHandler
    void handle(MarkDatabaseRunning cmd) {
        if (status == DatabaseStatus.CREATING) {
            apply(new DatabaseProvisioned(instanceId, cmd.containerId(), now()));
        }
    }

    /** @return whether the failure was recorded now (and the slot and port are to be released) */
    boolean fail(String reason) {
        if (status != DatabaseStatus.CREATING) {
            return false;
        }
        apply(new DatabaseProvisioningFailed(instanceId, ownerId, port, reason, now()));
        return true;
    }

    @CommandHandler
    void handle(SuspendDatabase cmd) {
        switch (status) {
            case RUNNING -> apply(new DatabaseSuspensionRequested(instanceId, now()));
            case SUSPENDING, SUSPENDED -> { }
            default -> throw conflict("suspend");
        }
    }

    @CommandHandler
    void handle(MarkDatabaseSuspended cmd) {
        if (status == DatabaseStatus.SUSPENDING) {
            apply(new DatabaseSuspended(instanceId, now()));
        }
    }

    @CommandHandler
    void handle(ResumeDatabase cmd) {
        boolean stoppedBehindOurBack = status == DatabaseStatus.FAILED && holdsResources;
        if (status == DatabaseStatus.SUSPENDED || stoppedBehindOurBack) {
            apply(new DatabaseResumeRequested(instanceId, now()));
        } else if (status != DatabaseStatus.RUNNING && status != DatabaseStatus.RESUMING) {
            throw conflict("resume");
        }
    }

    @CommandHandler
    void handle(MarkDatabaseResumed cmd) {
        if (status == DatabaseStatus.RESUMING) {
            apply(new DatabaseResumed(instanceId, cmd.containerId(), now()));
        }
    }

    @CommandHandler
    void handle(FailDatabaseResume cmd) {
        if (status == DatabaseStatus.RESUMING) {
            apply(new DatabaseResumeFailed(instanceId, cmd.reason(), now()));
        }
    }

    @CommandHandler
    void handle(DeleteDatabase cmd) {
        switch (status) {
            case DELETING, DELETED -> { }
            default -> {
                // in any other state, a transitional one included: the saga cancels what is under way
                if (holdsResources) {
                    apply(new DatabaseDeletionRequested(instanceId, now()));
                } else {
                    // a failed provisioning left nothing behind: there is nothing to tear down
                    apply(new DatabaseDeleted(instanceId, ownerId, port, now()));
                }
            }
        }
    }

    /** @return whether the deletion completed now (and the slot and port are to be released) */
    boolean completeDeletion() {
        if (status != DatabaseStatus.DELETING) {
            return false;
        }
        apply(new DatabaseDeleted(instanceId, ownerId, port, now()));
        return true;
    }

    @CommandHandler
    RotatedPassword handle(RotateDatabasePassword cmd, SecretBox secrets) {
        if (status != DatabaseStatus.RUNNING) {
            throw conflict("rotate the password of");
        }
        if (pendingRotationId != null) {
            // the engine changes one password at a time; a second would start from the wrong one
            throw new HangarException(HangarException.Kind.CONFLICT, "INVALID_STATE",
                    "A password rotation of this database is in progress");
        }
        String password = Passwords.generate(20);
        String rotationId = UUID.randomUUID().toString();
        apply(new DatabasePasswordRotationRequested(instanceId, rotationId, secrets.encrypt(password), now()));
        return new RotatedPassword(instanceId, rotationId, username, password);
    }

    @CommandHandler
    void handle(CompletePasswordRotation cmd) {
        if (cmd.rotationId().equals(pendingRotationId)) {
            apply(new DatabasePasswordRotated(instanceId, cmd.rotationId(), pendingRotationCiphertext, now()));
        }
    }

    @CommandHandler
    void handle(FailPasswordRotation cmd) {
        if (cmd.rotationId().equals(pendingRotationId)) {
            apply(new DatabasePasswordRotationFailed(instanceId, cmd.rotationId(), cmd.reason(), now()));
        }
    }

    /** The engine's event stream saw the container go; only news while it should be running. */
    @CommandHandler
    void handle(RecordContainerExited cmd) {
        if (status == DatabaseStatus.RUNNING) {
            apply(new DatabaseContainerExited(instanceId, cmd.action(), now()));
        }
    }

    String ownerId() {
        return ownerId;
    }

    int port() {
        return port;
    }

    private HangarException conflict(String action) {
        return new HangarException(HangarException.Kind.CONFLICT, "INVALID_STATE",
                "Cannot " + action + " a database that is " + status);
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    @EventSourcingHandler
    void on(DatabaseRequested e) {
        instanceId = e.instanceId();
        ownerId = e.ownerId();
        username = e.username();
        port = e.port();
        status = DatabaseStatus.CREATING;
        holdsResources = true;
    }

    @EventSourcingHandler
    void on(DatabaseProvisioned e) {
        status = DatabaseStatus.RUNNING;
    }

    @EventSourcingHandler
    void on(DatabaseProvisioningFailed e) {
        status = DatabaseStatus.FAILED;
        holdsResources = false;
    }

    @EventSourcingHandler
    void on(DatabaseSuspensionRequested e) {
        status = DatabaseStatus.SUSPENDING;
    }

    @EventSourcingHandler
    void on(DatabaseSuspended e) {
        status = DatabaseStatus.SUSPENDED;
    }

    @EventSourcingHandler
    void on(DatabaseResumeRequested e) {
        status = DatabaseStatus.RESUMING;
    }

    @EventSourcingHandler
    void on(DatabaseResumed e) {
        status = DatabaseStatus.RUNNING;
    }

    @EventSourcingHandler
    void on(DatabaseResumeFailed e) {
        status = DatabaseStatus.FAILED;
    }

    @EventSourcingHandler
    void on(DatabaseContainerExited e) {
        status = DatabaseStatus.FAILED;
    }

    @EventSourcingHandler
    void on(DatabaseDeletionRequested e) {
        status = DatabaseStatus.DELETING;
    }

    @EventSourcingHandler
    void on(DatabaseDeleted e) {
        status = DatabaseStatus.DELETED;
        holdsResources = false;
    }

    @EventSourcingHandler
    void on(DatabasePasswordRotationRequested e) {
        pendingRotationId = e.rotationId();
        pendingRotationCiphertext = e.newPasswordCiphertext();
    }

    @EventSourcingHandler
    void on(DatabasePasswordRotated e) {
        pendingRotationId = null;
        pendingRotationCiphertext = null;
    }

    @EventSourcingHandler
    void on(DatabasePasswordRotationFailed e) {
        pendingRotationId = null;
        pendingRotationCiphertext = null;
    }
}
