package dev.hangar.saga.compute;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.hangar.kernel.common.SecretBox;
import dev.hangar.kernel.instance.CompleteInstanceDeletion;
import dev.hangar.kernel.instance.FailInstance;
import dev.hangar.kernel.instance.InstanceDeletionRequested;
import dev.hangar.kernel.instance.InstancePort;
import dev.hangar.kernel.instance.InstanceProvisioned;
import dev.hangar.kernel.instance.InstanceProvisioningFailed;
import dev.hangar.kernel.instance.InstanceRequested;
import dev.hangar.kernel.instance.InstanceStartRequested;
import dev.hangar.kernel.instance.InstanceStatus;
import dev.hangar.kernel.instance.InstanceStopRequested;
import dev.hangar.kernel.instance.InstanceStopped;
import dev.hangar.kernel.instance.MarkInstanceRunning;
import dev.hangar.kernel.instance.MarkInstanceStarted;
import dev.hangar.kernel.instance.MarkInstanceStopped;
import dev.hangar.kernel.instance.PublishedPort;
import dev.hangar.kernel.instance.RecordInstanceProgress;
import dev.hangar.kernel.workload.HealthCheck;
import dev.hangar.saga.provisioning.ProvisioningSettings;
import dev.hangar.saga.runtime.InMemoryContainerRuntime;
import dev.hangar.saga.runtime.Labels;
import dev.hangar.saga.runtime.PullPolicy;
import dev.hangar.saga.workload.FairExecutor;
import dev.hangar.saga.workload.WorkloadEngine;
import dev.hangar.saga.workload.WorkloadSaga;
import dev.hangar.saga.workload.WorkloadSettings;
import dev.hangar.saga.workload.WorkloadTypes;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Compute instances through the one workload saga, in Axon's saga fixture, with a real
 * {@link WorkloadEngine} (inline) over the in-memory container engine; the instance's Jupyter port is
 * published to a real HTTP server on this machine, so the health check really asks over HTTP.
 */
class ComputeInstanceSagaTest {

    private static final SecretBox SECRETS = new SecretBox(new byte[32]);
    private static final String ID = "inst-1";
    private static final String OWNER = "owner-1";
    private static final String IMAGE = "hangar/workspace:bookworm";
    private static final String CONTAINER = "hangar-inst-" + ID;
    private static final String VOLUME = CONTAINER + "-data";
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final WorkloadSettings SETTINGS = new WorkloadSettings(Duration.ofMillis(250), Duration.ofSeconds(60),
            Duration.ofSeconds(5), Duration.ofSeconds(30), true, 4, 2, 4);
    private static final HealthCheck CHECK = new HealthCheck(1000, 3, 500, 30000, null);

    private HttpServer jupyter;
    private int jupyterPort;
    private InMemoryContainerRuntime runtime;
    private SagaTestFixture<WorkloadSaga> fixture;

    @BeforeEach
    void setUp() throws IOException {
        jupyter = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jupyter.createContext("/", exchange -> {
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        jupyter.start();
        jupyterPort = jupyter.getAddress().getPort();
        setUpWith(new InMemoryContainerRuntime().withImages(IMAGE).withPullPolicy(PullPolicy.NEVER)
                .withPublished(8888, jupyterPort));
    }

    @AfterEach
    void tearDown() {
        jupyter.stop(0);
    }

    private void setUpWith(InMemoryContainerRuntime newRuntime) {
        runtime = newRuntime;
        fixture = new SagaTestFixture<>(WorkloadSaga.class);
        CommandGateway commands = fixture.registerCommandGateway(CommandGateway.class);
        ComputeInstanceWorkload instances = new ComputeInstanceWorkload(newRuntime, SECRETS,
                new ProvisioningSettings("0.0.0.0", "127.0.0.1"));
        fixture.registerResource(new WorkloadEngine(newRuntime, new WorkloadTypes(List.of(instances)), commands,
                SETTINGS, new FairExecutor(4, 2, 4, Runnable::run)));
    }

    private static InstanceRequested requested(boolean gpuAttached, HealthCheck check) {
        return new InstanceRequested(ID, OWNER, "box", "CN-HK-01", "local", null, "RTX 4090 24GB", "pytorch-jupyter",
                IMAGE, List.of(new InstancePort(8888, "jupyter"), new InstancePort(22, "ssh"),
                        new InstancePort(7681, "webTerminal")),
                2_000_000_000L, 1L << 30, "NVIDIA GeForce RTX 4090", 2, gpuAttached, gpuAttached ? null : "no GPUs", 60,
                check, null, SECRETS.encrypt("token-1"), CONTAINER, VOLUME, "FREE", 1024, 1200L, T0);
    }

    private List<PublishedPort> ports() {
        return List.of(new PublishedPort(8888, jupyterPort, "jupyter"), new PublishedPort(22, 40022, "ssh"),
                new PublishedPort(7681, 47681, "webTerminal"));
    }

    @Test
    void aRequestedInstanceRunsWithItsPortsOnceItsJupyterAnswersOverHttp() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(false, CHECK))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new MarkInstanceRunning(ID, "id-" + CONTAINER, ports()))
                .expectScheduledDeadlineWithName(Duration.ofMillis(CHECK.maxWaitTimeMs()), "workload-timeout");

        InMemoryContainerRuntime.Container c = runtime.container(CONTAINER).orElseThrow();
        assertThat(c.spec.morePorts()).containsOnlyKeys(8888, 22, 7681).containsValues(0);
        assertThat(c.spec.gpuCount()).as("no GPUs on this host: none requested").isZero();
        assertThat(c.spec.env()).containsEntry(ComputeInstanceWorkload.TOKEN_ENV, "token-1");
        assertThat(c.spec.labels()).containsEntry(Labels.KIND, "instance").containsEntry(Labels.INSTANCE_ID, ID);
        assertThat(c.spec.memoryBytes()).isEqualTo(1L << 30);
        assertThat(c.spec.volumePath()).isEqualTo("/workspace");
        assertThat(c.nanoCpus).as("the product's CPUs, applied once ready").isEqualTo(2_000_000_000L);
        assertThat(runtime.hasVolume(VOLUME)).isTrue();
    }

    @Test
    void aHostWithGpusGetsTheProductsGpusAsADeviceRequest() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(true, CHECK))
                .expectDispatchedCommands(new MarkInstanceRunning(ID, "id-" + CONTAINER, ports()));
        assertThat(runtime.container(CONTAINER).orElseThrow().spec.gpuCount()).isEqualTo(2);
    }

    @Test
    void anInstanceNotAnsweringYetIsCheckedAgainAtItsOwnRetryDelay() throws IOException {
        int nothing = freePort();
        setUpWith(new InMemoryContainerRuntime().withImages(IMAGE).withPullPolicy(PullPolicy.NEVER)
                .withPublished(8888, nothing));
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(false, CHECK))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofMillis(CHECK.retryDelayMs()), "workload-check");
    }

    @Test
    void whenTheBudgetIsSpentTheInstanceFailsWithTheReasonAndKeepsItsContainer() throws IOException {
        setUpWith(new InMemoryContainerRuntime().withImages(IMAGE).withPullPolicy(PullPolicy.NEVER)
                .withPublished(8888, freePort()));
        fixture.givenAPublished(requested(false, CHECK))
                .whenTimeElapses(Duration.ofMillis(CHECK.maxWaitTimeMs()))
                .expectDispatchedCommands(new FailInstance(ID, "The workload did not become ready within 30 s"));
        assertThat(runtime.container(CONTAINER)).as("kept for a retry").isPresent();
        assertThat(runtime.hasVolume(VOLUME)).isTrue();
    }

    @Test
    void aFailedInstanceKeepsItsSagaAndStartsAgain() {
        fixture.givenAPublished(requested(false, CHECK))
                .andThenAPublished(new InstanceProvisioningFailed(ID, OWNER, "box", InstanceStatus.CREATING, null, "x", T0))
                .whenPublishingA(new InstanceStartRequested(ID, OWNER, "box", InstanceStatus.FAILED, null, CHECK, T0))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new MarkInstanceStarted(ID, "id-" + CONTAINER, ports()));
    }

    @Test
    void stopStopsTheContainerAndAStartWithItsOwnHealthCheckBringsItBack() {
        HealthCheck startCheck = new HealthCheck(2000, 0, 150, 45000, 8888);
        fixture.givenAPublished(requested(false, CHECK))
                .andThenAPublished(new InstanceProvisioned(ID, OWNER, "box", InstanceStatus.CREATING, null, "id-" + CONTAINER,
                        ports(), T0))
                .whenPublishingA(new InstanceStopRequested(ID, OWNER, "box", InstanceStatus.RUNNING, null, T0))
                .expectDispatchedCommands(new MarkInstanceStopped(ID));
        assertThat(runtime.container(CONTAINER).orElseThrow().running).isFalse();

        fixture.givenAPublished(requested(false, CHECK))
                .andThenAPublished(new InstanceProvisioned(ID, OWNER, "box", InstanceStatus.CREATING, null, "id-" + CONTAINER,
                        ports(), T0))
                .andThenAPublished(new InstanceStopRequested(ID, OWNER, "box", InstanceStatus.RUNNING, null, T0))
                .andThenAPublished(new InstanceStopped(ID, OWNER, "box", InstanceStatus.STOPPING, null, T0))
                .whenPublishingA(new InstanceStartRequested(ID, OWNER, "box", InstanceStatus.STOPPED, null, startCheck, T0))
                .expectDispatchedCommands(new MarkInstanceStarted(ID, "id-" + CONTAINER, ports()))
                .expectScheduledDeadlineWithName(Duration.ofMillis(startCheck.maxWaitTimeMs()), "workload-timeout");
        assertThat(runtime.container(CONTAINER).orElseThrow().running).isTrue();
    }

    @Test
    void deleteRemovesContainerAndVolume() {
        fixture.givenAPublished(requested(false, CHECK))
                .whenPublishingA(new InstanceDeletionRequested(ID, OWNER, "box", InstanceStatus.RUNNING, null, T0))
                .expectDispatchedCommands(new CompleteInstanceDeletion(ID));
        assertThat(runtime.container(CONTAINER)).isEmpty();
        assertThat(runtime.hasVolume(VOLUME)).isFalse();
    }

    @Test
    void aMissingImageThatMayNotBePulledFailsWithTheReason() {
        setUpWith(new InMemoryContainerRuntime().withPullPolicy(PullPolicy.NEVER));
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(false, CHECK))
                .expectDispatchedCommands(new FailInstance(ID, "image " + IMAGE + " is not present on the host and the "
                        + "pull policy is never; cannot create container " + CONTAINER));
    }

    @Test
    void aMissingImageIsPulledWithItsProgressRecordedWhileCreating() {
        setUpWith(new InMemoryContainerRuntime().withPullable(IMAGE).withPullPolicy(PullPolicy.MISSING)
                .withPublished(8888, jupyterPort));
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(false, CHECK))
                .expectDispatchedCommands(new RecordInstanceProgress(ID, "Pulling image " + IMAGE),
                        new RecordInstanceProgress(ID, "Pulled image " + IMAGE),
                        new MarkInstanceRunning(ID, "id-" + CONTAINER, ports()));
        assertThat(runtime.hasImage(IMAGE)).isTrue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
