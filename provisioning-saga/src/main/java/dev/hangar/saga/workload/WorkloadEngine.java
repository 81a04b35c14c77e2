package dev.hangar.saga.workload;

import dev.hangar.kernel.workload.HealthCheck;
import dev.hangar.kernel.workload.WorkloadRequested;
import dev.hangar.saga.runtime.ContainerHandle;
import dev.hangar.saga.runtime.ContainerRuntime;
import dev.hangar.saga.runtime.ContainerSpec;
import dev.hangar.saga.runtime.ContainerState;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The container work of every workload, on the {@link FairExecutor} and never on the thread that
 * asks for it: the saga decides and returns; each operation reports its outcome as a command to
 * the workload's aggregate. Every operation is idempotent by container name, so the saga's durable
 * deadlines can simply ask again when an outcome did not arrive (a crash, a lost answer).
 * Operations asked for inside a unit of work start once it has committed.
 */
public class WorkloadEngine implements AutoCloseable {

    public enum Mode { CREATE, START }

    private static final Logger log = LoggerFactory.getLogger(WorkloadEngine.class);

    private final ContainerRuntime runtime;
    private final WorkloadTypes types;
    private final CommandGateway commands;
    private final WorkloadSettings settings;
    private final FairExecutor executor;
    /** Workloads whose start this node issued since it came up (a restart after a crash issues it again). */
    private final Set<String> startsIssued = ConcurrentHashMap.newKeySet();
    private final AtomicLong operations = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    public WorkloadEngine(ContainerRuntime runtime, WorkloadTypes types, CommandGateway commands,
                          WorkloadSettings settings) {
        this(runtime, types, commands, settings,
                new FairExecutor(settings.maxConcurrent(), settings.perTenant(), settings.perHost()));
    }

    public WorkloadEngine(ContainerRuntime runtime, WorkloadTypes types, CommandGateway commands,
                          WorkloadSettings settings, FairExecutor executor) {
        this.runtime = runtime;
        this.types = types;
        this.commands = commands;
        this.settings = settings;
        this.executor = executor;
    }

    public WorkloadSettings settings() {
        return settings;
    }

    /** Operations carried out since start-up, and how many of them recorded a failure. */
    public long operations() {
        return operations.get();
    }

    public long recordedFailures() {
        return failures.get();
    }

    public int running() {
        return executor.running();
    }

    public int queued() {
        return executor.queued();
    }

    public String initialSecret(WorkloadRequested request) {
        return types.of(request).initialSecret(request);
    }

    /** The pause between readiness checks: the workload's health check's, else the settings'. */
    public Duration probeInterval(HealthCheck check) {
        return check != null ? Duration.ofMillis(check.retryDelayMs()) : settings.probeInterval();
    }

    /** How long a create or start may take to become ready: the workload's health check's, else the settings'. */
    public Duration readinessTimeout(HealthCheck check) {
        return check != null ? Duration.ofMillis(check.maxWaitTimeMs()) : settings.readinessTimeout();
    }

    /** Makes the container run (pulling, creating or starting it as needed), then checks readiness once. */
    public void begin(WorkloadRequested request, String secretCiphertext, Mode mode) {
        begin(request, secretCiphertext, mode, null);
    }

    public void begin(WorkloadRequested request, String secretCiphertext, Mode mode, HealthCheck check) {
        submitWhenCommitted(request, () -> {
            if (mode == Mode.START) {
                startsIssued.add(request.workloadId());
            }
            bringUp(types.of(request), request, secretCiphertext, mode, false, check);
        });
    }

    /** A periodic readiness check; skipped while the workload's previous operation is still going. */
    public void check(WorkloadRequested request, String secretCiphertext, Mode mode) {
        check(request, secretCiphertext, mode, null);
    }

    public void check(WorkloadRequested request, String secretCiphertext, Mode mode, HealthCheck check) {
        if (executor.busy(request.workloadId())) {
            return;
        }
        submitWhenCommitted(request, () -> bringUp(types.of(request), request, secretCiphertext, mode, true, check));
    }

    /** The readiness time-out: a new workload is removed and recorded failed, a restart recorded failed. */
    public void giveUp(WorkloadRequested request, Mode mode, String reason) {
        submitWhenCommitted(request, () -> fail(types.of(request), request, mode, reason));
    }

    public void stop(WorkloadRequested request) {
        submitWhenCommitted(request, () -> {
            WorkloadType<WorkloadRequested> type = types.of(request);
            runtime.stop(type.containerName(request));
            report(type.stopped(request));
        });
    }

    /** Removes container and volume; whatever was queued for the workload and had not started is dropped. */
    public void remove(WorkloadRequested request) {
        whenCommitted(() -> {
            executor.discardQueued(request.workloadId());
            submit(request, () -> {
                WorkloadType<WorkloadRequested> type = types.of(request);
                runtime.remove(type.containerName(request), type.volumeName(request));
                startsIssued.remove(request.workloadId());
                report(type.removed(request));
            });
        });
    }

    /**
     * Brings the workload's secret to {@code newCiphertext} and records which secret the workload
     * accepts afterwards. Asked again after a crash or a lost answer, it first finds out where the
     * previous attempt got to: the new secret already holds (done), the old one still does (change
     * it), or neither answers (nothing is recorded; the saga asks again later).
     */
    public void rotate(WorkloadRequested request, String currentCiphertext, String rotationId, String newCiphertext) {
        submitWhenCommitted(request, () -> {
            WorkloadType<WorkloadRequested> type = types.of(request);
            if (type.acceptsSecret(request, newCiphertext)) {
                report(type.secretRotated(request, rotationId));
                return;
            }
            if (!type.acceptsSecret(request, currentCiphertext)) {
                log.warn("Rotation {} of {}: the workload accepts neither secret now; asking again later", rotationId,
                        request.workloadId());
                return;
            }
            String refusal = null;
            try {
                type.changeSecret(request, currentCiphertext, newCiphertext);
            } catch (RuntimeException e) {
                refusal = e.getMessage();
            }
            if (type.acceptsSecret(request, newCiphertext)) {
                report(type.secretRotated(request, rotationId));
            } else if (type.acceptsSecret(request, currentCiphertext)) {
                report(type.secretRotationAbandoned(request, rotationId,
                        refusal != null ? refusal : "the workload did not take the new secret"));
            } else {
                log.warn("Rotation {} of {}: no answer after the change; asking again later", rotationId,
                        request.workloadId());
            }
        });
    }

    private <R extends WorkloadRequested> void bringUp(WorkloadType<R> type, R request, String secret, Mode mode,
                                                        boolean periodic, HealthCheck check) {
        String name = type.containerName(request);
        String containerId;
        try {
            Optional<ContainerState> state = periodic ? runtime.inspect(name) : Optional.empty();
            if (periodic && state.isPresent() && state.get().running()) {
                containerId = state.get().containerId();
            } else if (periodic && state.isPresent() && !"created".equals(state.get().status())
                    && (mode == Mode.CREATE || startsIssued.contains(request.workloadId()))) {
                fail(type, request, mode, "The container stopped before it was ready (" + state.get().status() + ")");
                return;
            } else {
                // missing (the first attempt, or one lost in a crash), created but not started, or a start to redo
                ContainerSpec spec = type.containerSpec(request, secret);
                ContainerHandle handle = runtime.ensureRunning(settings.deferCpuLimit() ? spec.withNanoCpus(0) : spec,
                        message -> progress(type, request, message));
                containerId = handle.containerId();
                if (mode == Mode.START) {
                    startsIssued.add(request.workloadId());
                }
            }
            if (!type.ready(request, secret, check)) {
                return;
            }
            ContainerSpec spec = type.containerSpec(request, secret);
            if (settings.deferCpuLimit() && spec.nanoCpus() > 0) {
                runtime.updateResources(name, 0, spec.nanoCpus());
            }
        } catch (RuntimeException e) {
            fail(type, request, mode, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            return;
        }
        report(mode == Mode.CREATE ? type.provisioned(request, containerId) : type.started(request, containerId));
    }

    private <R extends WorkloadRequested> void fail(WorkloadType<R> type, R request, Mode mode, String reason) {
        log.warn("{} of workload {} failed: {}", mode == Mode.CREATE ? "Provisioning" : "Starting",
                request.workloadId(), reason);
        failures.incrementAndGet();
        if (mode == Mode.CREATE) {
            if (!type.keepsFailedContainer()) {
                runtime.remove(type.containerName(request), type.volumeName(request));
            }
            report(type.provisioningFailed(request, reason));
        } else {
            report(type.startFailed(request, reason));
        }
    }

    /** Recorded without waiting (the pull goes on); a line that cannot be recorded is simply lost. */
    private <R extends WorkloadRequested> void progress(WorkloadType<R> type, R request, String message) {
        Object command = type.progress(request, message);
        if (command != null) {
            commands.send(command).exceptionally(e -> {
                log.debug("Progress of {} not recorded: {}", request.workloadId(), e.getMessage());
                return null;
            });
        }
    }

    /** An outcome that cannot be recorded now is asked for again by the saga's next deadline. */
    private void report(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (RuntimeException e) {
            log.warn("Could not record {}: {}", command.getClass().getSimpleName(), e.getMessage());
        }
    }

    private void submitWhenCommitted(WorkloadRequested request, Runnable work) {
        whenCommitted(() -> submit(request, work));
    }

    private static void whenCommitted(Runnable action) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(uow -> action.run());
        } else {
            action.run();
        }
    }

    private void submit(WorkloadRequested request, Runnable work) {
        WorkloadType<WorkloadRequested> type = types.of(request);
        executor.submit(new FairExecutor.Key(request.workloadId(), type.tenant(request), type.host(request)), () -> {
            operations.incrementAndGet();
            try {
                work.run();
            } catch (RuntimeException e) {
                log.warn("Container work for {} failed: {}", request.workloadId(), e.getMessage());
            }
            return null;
        });
    }

    @Override
    public void close() {
        executor.close();
    }
}
