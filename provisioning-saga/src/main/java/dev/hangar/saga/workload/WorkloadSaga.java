package dev.hangar.saga.workload;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.hangar.kernel.workload.WorkloadEnded;
import dev.hangar.kernel.workload.HealthCheck;
import dev.hangar.kernel.workload.WorkloadFailed;
import dev.hangar.kernel.workload.WorkloadHealthChecked;
import dev.hangar.kernel.workload.WorkloadReady;
import dev.hangar.kernel.workload.WorkloadRemovalRequested;
import dev.hangar.kernel.workload.WorkloadRequested;
import dev.hangar.kernel.workload.WorkloadSecretRotated;
import dev.hangar.kernel.workload.WorkloadSecretRotationAbandoned;
import dev.hangar.kernel.workload.WorkloadSecretRotationRequested;
import dev.hangar.kernel.workload.WorkloadStartFailed;
import dev.hangar.kernel.workload.WorkloadStartRequested;
import dev.hangar.kernel.workload.WorkloadStopRequested;
import dev.hangar.kernel.workload.WorkloadStopped;
import dev.hangar.saga.workload.WorkloadEngine.Mode;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * One workload's container lifecycle, for every kind of workload: it decides and returns at once;
 * the {@link WorkloadEngine} does the container work on its own threads and reports outcomes as
 * commands, whose events come back here. Every wait is a durable deadline in the relational store
 * (readiness checks, the readiness time-out, the retry of an operation whose outcome did not
 * arrive), so a restart resumes where it stopped and no event processor thread ever waits on a
 * container.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class WorkloadSaga {

    static final String CHECK = "workload-check";
    static final String TIMEOUT = "workload-timeout";
    static final String RETRY = "workload-retry";
    static final String ROTATION_RETRY = "workload-rotation-retry";
    private static final String ID = "workloadId";

    enum Phase { CREATING, RUNNING, STOPPING, STOPPED, STARTING, FAILED, REMOVING }

    /** The operation whose outcome is awaited and asked for again by the retry deadline. */
    enum Pending { NONE, STOP, REMOVE, GIVE_UP }

    @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
    private WorkloadRequested request;
    private String secretCiphertext;
    private Phase phase;
    private Pending pending = Pending.NONE;
    private int attempts;
    /** How readiness is probed, when the workload says (its request, or the latest start that said); else the engine's settings. */
    private HealthCheck healthCheck;
    /** Moves on whenever the current waits are superseded; deadlines of earlier generations are ignored. */
    private long generation;
    private String rotationId;
    private String rotationCiphertext;
    private int rotationAttempts;
    private long rotationGeneration;

    @StartSaga
    @SagaEventHandler(associationProperty = ID)
    void on(WorkloadRequested event, WorkloadEngine engine, DeadlineManager deadlines) {
        request = event;
        secretCiphertext = engine.initialSecret(event);
        healthCheck = event instanceof WorkloadHealthChecked checked ? checked.healthCheck() : null;
        awaitReady(Phase.CREATING, engine, deadlines);
    }

    @SagaEventHandler(associationProperty = ID)
    void on(WorkloadReady event) {
        phase = Phase.RUNNING;
        supersede();
    }

    @SagaEventHandler(associationProperty = ID)
    void on(WorkloadStopRequested event, WorkloadEngine engine, DeadlineManager deadlines) {
        phase = Phase.STOPPING;
        await(Pending.STOP, engine, deadlines);
    }

    @SagaEventHandler(associationProperty = ID)
    void on(WorkloadStopped event) {
        phase = Phase.STOPPED;
        supersede();
    }

    @SagaEventHandler(associationProperty = ID)
    void on(WorkloadStartRequested event, WorkloadEngine engine, DeadlineManager deadlines) {
        if (event instanceof WorkloadHealthChecked checked && checked.healthCheck() != null) {
            healthCheck = checked.healthCheck();
        }
        awaitReady(Phase.STARTING, engine, deadlines);
    }

    @SagaEventHandler(associationProperty = ID)
    void on(WorkloadStartFailed event) {
        phase = Phase.FAILED;
        supersede();
    }

    /** The container went behind Hangar's back; a start brings it back. */
    @SagaEventHandler(associationProperty = ID)
    void on(WorkloadFailed event) {
        phase = Phase.FAILED;
        supersede();
    }

    /** Whatever is under way is cancelled: its waits end, its queued work is dropped, the container goes. */
    @SagaEventHandler(associationProperty = ID)
    void on(WorkloadRemovalRequested event, WorkloadEngine engine, DeadlineManager deadlines) {
        phase = Phase.REMOVING;
        endRotation();
        await(Pending.REMOVE, engine, deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ID)
    void on(WorkloadEnded event) {
        supersede();
        endRotation();
    }

    @SagaEventHandler(associationProperty = ID)
    void on(WorkloadSecretRotationRequested event, WorkloadEngine engine, DeadlineManager deadlines) {
        rotationId = event.rotationId();
        rotationCiphertext = event.newSecretCiphertext();
        rotationAttempts = 0;
        rotationGeneration++;
        engine.rotate(request, secretCiphertext, rotationId, rotationCiphertext);
        deadlines.schedule(engine.settings().retryDelay(1), ROTATION_RETRY, due(rotationGeneration));
    }

    @SagaEventHandler(associationProperty = ID)
    void on(WorkloadSecretRotated event) {
        secretCiphertext = event.secretCiphertext();
        endRotation();
    }

    @SagaEventHandler(associationProperty = ID)
    void on(WorkloadSecretRotationAbandoned event) {
        endRotation();
    }

    @DeadlineHandler(deadlineName = CHECK)
    void check(Due due, WorkloadEngine engine, DeadlineManager deadlines) {
        if (due.generation() == generation && (phase == Phase.CREATING || phase == Phase.STARTING)
                && pending == Pending.NONE) {
            engine.check(request, secretCiphertext, mode(), healthCheck);
            deadlines.schedule(engine.probeInterval(healthCheck), CHECK, due);
        }
    }

    @DeadlineHandler(deadlineName = TIMEOUT)
    void timeout(Due due, WorkloadEngine engine, DeadlineManager deadlines) {
        if (due.generation() == generation && (phase == Phase.CREATING || phase == Phase.STARTING)) {
            await(Pending.GIVE_UP, engine, deadlines);
        }
    }

    @DeadlineHandler(deadlineName = RETRY)
    void retry(Due due, WorkloadEngine engine, DeadlineManager deadlines) {
        if (due.generation() == generation && pending != Pending.NONE) {
            attempts++;
            carryOut(engine);
            deadlines.schedule(engine.settings().retryDelay(attempts + 1), RETRY, due);
        }
    }

    @DeadlineHandler(deadlineName = ROTATION_RETRY)
    void retryRotation(Due due, WorkloadEngine engine, DeadlineManager deadlines) {
        if (due.generation() == rotationGeneration && rotationId != null && phase != Phase.REMOVING) {
            rotationAttempts++;
            engine.rotate(request, secretCiphertext, rotationId, rotationCiphertext);
            deadlines.schedule(engine.settings().retryDelay(rotationAttempts + 1), ROTATION_RETRY, due);
        }
    }

    private void awaitReady(Phase next, WorkloadEngine engine, DeadlineManager deadlines) {
        phase = next;
        supersede();
        engine.begin(request, secretCiphertext, mode(), healthCheck);
        deadlines.schedule(engine.probeInterval(healthCheck), CHECK, due(generation));
        deadlines.schedule(engine.readinessTimeout(healthCheck), TIMEOUT, due(generation));
    }

    /** Waits for the outcome of {@code operation}, asking again (with growing pauses) until it comes. */
    private void await(Pending operation, WorkloadEngine engine, DeadlineManager deadlines) {
        supersede();
        pending = operation;
        carryOut(engine);
        deadlines.schedule(engine.settings().retryDelay(1), RETRY, due(generation));
    }

    private void carryOut(WorkloadEngine engine) {
        switch (pending) {
            case STOP -> engine.stop(request);
            case REMOVE -> engine.remove(request);
            case GIVE_UP -> engine.giveUp(request, mode(), "The workload did not become ready within "
                    + engine.readinessTimeout(healthCheck).toSeconds() + " s");
            case NONE -> { }
        }
    }

    private Mode mode() {
        return phase == Phase.STARTING ? Mode.START : Mode.CREATE;
    }

    /** Every wait scheduled so far is void from now on. */
    private void supersede() {
        generation++;
        pending = Pending.NONE;
        attempts = 0;
    }

    private void endRotation() {
        rotationGeneration++;
        rotationId = null;
        rotationCiphertext = null;
    }

    private Due due(long gen) {
        return new Due(request.workloadId(), gen);
    }
}
