package dev.hangar.saga.provisioning;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.hangar.kernel.database.CompleteDatabaseDeletion;
import dev.hangar.kernel.database.CompletePasswordRotation;
import dev.hangar.kernel.database.DatabaseDeleted;
import dev.hangar.kernel.database.DatabaseDeletionRequested;
import dev.hangar.kernel.database.DatabasePasswordRotated;
import dev.hangar.kernel.database.DatabasePasswordRotationRequested;
import dev.hangar.kernel.database.DatabaseProvisioningFailed;
import dev.hangar.kernel.database.DatabaseRequested;
import dev.hangar.kernel.database.DatabaseResumeRequested;
import dev.hangar.kernel.database.DatabaseSuspensionRequested;
import dev.hangar.kernel.database.FailDatabase;
import dev.hangar.kernel.database.FailDatabaseResume;
import dev.hangar.kernel.database.FailPasswordRotation;
import dev.hangar.kernel.database.MarkDatabaseResumed;
import dev.hangar.kernel.database.MarkDatabaseRunning;
import dev.hangar.kernel.database.MarkDatabaseSuspended;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one database's container from request to deletion. Its state and its token live in the
 * relational store: if Hangar stops mid-step, the event is delivered again at restart and the
 * step, idempotent by container name, carries on with the container the first attempt made.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class DatabaseProvisioningSaga {

    private static final Logger log = LoggerFactory.getLogger(DatabaseProvisioningSaga.class);
    private static final String ID = "instanceId";

    private DatabaseTarget target;

    @StartSaga
    @SagaEventHandler(associationProperty = ID)
    void on(DatabaseRequested event, Provisioner provisioner, CommandGateway commands) {
        target = DatabaseTarget.of(event);
        try {
            String containerId = provisioner.run(target);
            commands.sendAndWait(new MarkDatabaseRunning(target.instanceId(), containerId));
        } catch (ProvisioningException e) {
            log.warn("Provisioning {} failed: {}", target.instanceId(), e.getMessage());
            provisioner.tearDown(target);
            commands.sendAndWait(new FailDatabase(target.instanceId(), e.getMessage()));
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ID)
    void on(DatabaseProvisioningFailed event) {
        // nothing left to drive: the attempt was cleaned up before the failure was recorded
    }

    @SagaEventHandler(associationProperty = ID)
    void on(DatabaseSuspensionRequested event, Provisioner provisioner, CommandGateway commands) {
        provisioner.stop(target);
        commands.sendAndWait(new MarkDatabaseSuspended(target.instanceId()));
    }

    @SagaEventHandler(associationProperty = ID)
    void on(DatabaseResumeRequested event, Provisioner provisioner, CommandGateway commands) {
        try {
            String containerId = provisioner.run(target);
            commands.sendAndWait(new MarkDatabaseResumed(target.instanceId(), containerId));
        } catch (ProvisioningException e) {
            log.warn("Resuming {} failed: {}", target.instanceId(), e.getMessage());
            commands.sendAndWait(new FailDatabaseResume(target.instanceId(), e.getMessage()));
        }
    }

    @SagaEventHandler(associationProperty = ID)
    void on(DatabasePasswordRotationRequested event, Provisioner provisioner, CommandGateway commands) {
        try {
            provisioner.changePassword(target, event.newPasswordCiphertext());
            commands.sendAndWait(new CompletePasswordRotation(target.instanceId(), event.rotationId()));
        } catch (ProvisioningException e) {
            log.warn("Rotating the password of {} failed: {}", target.instanceId(), e.getMessage());
            commands.sendAndWait(new FailPasswordRotation(target.instanceId(), event.rotationId(), e.getMessage()));
        }
    }

    /** Re-creating the container later (after a drift, say) must use the current password. */
    @SagaEventHandler(associationProperty = ID)
    void on(DatabasePasswordRotated event) {
        target = target.withPassword(event.passwordCiphertext());
    }

    @SagaEventHandler(associationProperty = ID)
    void on(DatabaseDeletionRequested event, Provisioner provisioner, CommandGateway commands) {
        provisioner.tearDown(target);
        commands.sendAndWait(new CompleteDatabaseDeletion(target.instanceId()));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ID)
    void on(DatabaseDeleted event) {
        // container and volume are gone
    }
}
