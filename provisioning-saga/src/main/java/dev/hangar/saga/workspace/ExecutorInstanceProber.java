package dev.hangar.saga.workspace;

import dev.hangar.kernel.common.SecretBox;
import dev.hangar.kernel.workspace.InstanceConnection;
import dev.hangar.kernel.workspace.RecordInstanceProbe;
import dev.hangar.saga.workload.FairExecutor;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes on a {@link FairExecutor} of its own: one instance's probes one at a time, tenants served
 * round robin, at most so many at once in all and per tenant. Before connecting, the host is
 * resolved and every address checked by the {@link AddressGuard}; on-demand probes also spend the
 * tenant's budget. The outcome is reported as {@link RecordInstanceProbe}.
 */
public class ExecutorInstanceProber implements InstanceProber, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ExecutorInstanceProber.class);

    private final WorkspaceProperties settings;
    private final AddressGuard guard;
    private final ConnectionProbes probes;
    private final SecretBox secrets;
    private final CommandGateway commands;
    private final FairExecutor executor;
    private final Map<String, Bucket> budgets = new ConcurrentHashMap<>();

    public ExecutorInstanceProber(WorkspaceProperties settings, AddressGuard guard, SecretBox secrets,
                                  CommandGateway commands) {
        this.settings = settings;
        this.guard = guard;
        this.probes = new ConnectionProbes(settings.probeTimeout());
        this.secrets = secrets;
        this.commands = commands;
        AtomicInteger n = new AtomicInteger();
        this.executor = new FairExecutor(settings.maxConcurrentProbes(), settings.maxConcurrentProbesPerTenant(),
                settings.maxConcurrentProbes(), Executors.newFixedThreadPool(settings.maxConcurrentProbes(), r -> {
                    Thread t = new Thread(r, "instance-probe-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }));
    }

    @Override
    public void probe(String tenantId, String instanceId, InstanceConnection connection, boolean onDemand) {
        Runnable submit = () -> {
            if (!onDemand && executor.busy(instanceId)) {
                return; // the previous probe of this instance is still going: this check would only queue behind it
            }
            executor.submit(new FairExecutor.Key(instanceId, tenantId, connection.host()), () -> {
                ProbeOutcome outcome;
                try {
                    outcome = run(tenantId, connection, onDemand);
                } catch (RuntimeException e) {
                    outcome = ProbeOutcome.unhealthy("The probe could not run: " + e.getClass().getSimpleName());
                }
                report(new RecordInstanceProbe(instanceId, connection.revision(), outcome.status(), outcome.version(),
                        outcome.message(), Instant.now()));
                return null;
            });
        };
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(uow -> submit.run());
        } else {
            submit.run();
        }
    }

    private ProbeOutcome run(String tenantId, InstanceConnection connection, boolean onDemand) {
        if (onDemand && !budget(tenantId).tryConsume(1)) {
            return ProbeOutcome.unhealthy("Too many connection attempts by this tenant; the next check tries again");
        }
        InetAddress address;
        try {
            InetAddress[] all = InetAddress.getAllByName(connection.host());
            for (InetAddress a : all) {
                Optional<String> refusal = guard.refusal(a);
                if (refusal.isPresent()) {
                    return ProbeOutcome.unhealthy(refusal.get());
                }
            }
            address = all[0];
        } catch (UnknownHostException e) {
            return ProbeOutcome.unhealthy("Unknown host " + connection.host());
        }
        String sslKey = connection.sslKeyCiphertext() == null ? null : secrets.decrypt(connection.sslKeyCiphertext());
        return probes.probe(new ConnectionProbes.Target(connection, address,
                secrets.decrypt(connection.passwordCiphertext()), sslKey));
    }

    private Bucket budget(String tenantId) {
        int perMinute = settings.probesPerMinutePerTenant();
        return budgets.computeIfAbsent(tenantId, t -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
    }

    /** An outcome that cannot be recorded now is found again by the next check. */
    private void report(RecordInstanceProbe outcome) {
        try {
            commands.sendAndWait(outcome);
        } catch (RuntimeException e) {
            log.warn("Could not record the probe of {}: {}", outcome.instanceId(), e.getMessage());
        }
    }

    @Override
    public Duration nextCheck(boolean first) {
        long interval = settings.checkInterval().toMillis();
        if (first) {
            // anywhere in the first interval: instances connected (or restored) together spread out at once
            return Duration.ofMillis(interval / 2 + ThreadLocalRandom.current().nextLong(Math.max(1, interval)));
        }
        long spread = (long) (interval * settings.checkJitter());
        return Duration.ofMillis(interval - spread / 2 + ThreadLocalRandom.current().nextLong(Math.max(1, spread)));
    }

    @Override
    public void close() {
        executor.close();
    }
}
