package dev.hangar.saga.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.kernel.common.SecretBox;
import dev.hangar.kernel.service.CompleteServiceDeployment;
import dev.hangar.kernel.service.CompleteServiceRestart;
import dev.hangar.kernel.service.FailServiceDeployment;
import dev.hangar.kernel.service.PublishedPort;
import dev.hangar.kernel.service.RecordServiceContainerRemoved;
import dev.hangar.kernel.service.RecordServiceContainerStopped;
import dev.hangar.kernel.service.ServiceContainerExited;
import dev.hangar.kernel.service.ServiceContainerPaused;
import dev.hangar.kernel.service.ServiceContainerRemovalRequested;
import dev.hangar.kernel.service.ServiceContainerRemovalRequested.Purpose;
import dev.hangar.kernel.service.ServiceContainerRestarting;
import dev.hangar.kernel.service.ServiceDeploymentCompleted;
import dev.hangar.kernel.service.ServiceDeploymentRequested;
import dev.hangar.kernel.service.ServiceRestartRequested;
import dev.hangar.saga.provisioning.ProvisioningSettings;
import dev.hangar.saga.runtime.ContainerSpec;
import dev.hangar.saga.runtime.InMemoryContainerRuntime;
import dev.hangar.saga.runtime.Labels;
import dev.hangar.saga.runtime.PullPolicy;
import dev.hangar.saga.workload.FairExecutor;
import dev.hangar.saga.workload.WorkloadEngine;
import dev.hangar.saga.workload.WorkloadSaga;
import dev.hangar.saga.workload.WorkloadSettings;
import dev.hangar.saga.workload.WorkloadTypes;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A service deployment driven by the one workload saga, in Axon's saga fixture, over the in-memory
 * container engine: its container, the commands its outcomes become, restart, replacement and removal.
 */
class ServiceWorkloadSagaTest {

    private static final SecretBox SECRETS = new SecretBox(new byte[32]);
    private static final String SERVICE = "svc-1";
    private static final String DEPLOYMENT = "dep-1";
    private static final String CONTAINER = "tenant-1-cache-1700000000";
    private static final String IMAGE = "hangar/redis:7";
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final WorkloadSettings SETTINGS = new WorkloadSettings(Duration.ofMillis(250), Duration.ofSeconds(60),
            Duration.ofSeconds(5), Duration.ofSeconds(30), false, 4, 2, 4);

    private InMemoryContainerRuntime runtime;
    private SagaTestFixture<WorkloadSaga> fixture;

    @BeforeEach
    void setUp() {
        runtime = new InMemoryContainerRuntime().withImages(IMAGE).withPullPolicy(PullPolicy.NEVER);
        fixture = new SagaTestFixture<>(WorkloadSaga.class);
        CommandGateway commands = fixture.registerCommandGateway(CommandGateway.class);
        ServiceWorkload services = new ServiceWorkload(runtime, SECRETS, new ProvisioningSettings("0.0.0.0", "127.0.0.1"));
        fixture.registerResource(new WorkloadEngine(runtime, new WorkloadTypes(List.of(services)), commands, SETTINGS,
                new FairExecutor(4, 2, 4, Runnable::run)));
    }

    private static ServiceDeploymentRequested requested(String image, List<PublishedPort> ports) {
        return new ServiceDeploymentRequested(SERVICE, "tenant-1", DEPLOYMENT, CONTAINER, image, ports,
                Map.of("REDIS_PASSWORD", SECRETS.encrypt("s3cret-Value")), 256L * 1024 * 1024, 250_000_000L, T0);
    }

    private static ServiceDeploymentRequested requested() {
        return requested(IMAGE, List.of());
    }

    @Test
    void aDeploymentRunsItsContainerAndIsRecordedCompleted() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested())
                .expectActiveSagas(1)
                .expectDispatchedCommands(new CompleteServiceDeployment(SERVICE, DEPLOYMENT, "id-" + CONTAINER));

        ContainerSpec spec = runtime.container(CONTAINER).orElseThrow().spec;
        assertThat(spec.env()).as("opened only for the container").containsEntry("REDIS_PASSWORD", "s3cret-Value");
        assertThat(spec.labels()).containsEntry(Labels.INSTANCE_ID, SERVICE)
                .containsEntry(dev.hangar.saga.runtime.Labels.KIND, ServiceWorkload.KIND)
                .containsEntry(ServiceWorkload.DEPLOYMENT_LABEL, DEPLOYMENT);
        assertThat(spec.memoryBytes()).isEqualTo(256L * 1024 * 1024);
        assertThat(spec.nanoCpus()).isEqualTo(250_000_000L);
        assertThat(spec.isolation().capAdd()).contains("NET_BIND_SERVICE");
        assertThat(spec.toString()).doesNotContain("s3cret-Value");
    }

    @Test
    void itsPortsArePublishedAndItIsReadyOnlyOnceTheFirstHoldsAConnection() throws Exception {
        try (ServerSocket first = new ServerSocket(0); ServerSocket second = new ServerSocket(0)) {
            List<PublishedPort> ports = List.of(new PublishedPort(6379, first.getLocalPort()),
                    new PublishedPort(16379, second.getLocalPort()));
            fixture.givenNoPriorActivity()
                    .whenPublishingA(requested(IMAGE, ports))
                    .expectDispatchedCommands(new CompleteServiceDeployment(SERVICE, DEPLOYMENT, "id-" + CONTAINER));
            ContainerSpec spec = runtime.container(CONTAINER).orElseThrow().spec;
            assertThat(spec.containerPort()).isEqualTo(6379);
            assertThat(spec.hostPort()).isEqualTo(first.getLocalPort());
            assertThat(spec.morePorts()).isEqualTo(Map.of(16379, second.getLocalPort()));
        }
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        assertThat(ServiceWorkload.holdsConnection("127.0.0.1", closed)).isFalse();
    }

    @Test
    void aDeploymentWhoseImageIsMissingFailsWithWhy() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested("hangar/absent:1", List.of()))
                .expectDispatchedCommands(new FailServiceDeployment(SERVICE, DEPLOYMENT,
                        "image hangar/absent:1 is not present on the host and the pull policy is never; cannot create "
                                + "container " + CONTAINER));
        assertThat(runtime.container(CONTAINER)).isEmpty();
    }

    @Test
    void aRestartStopsTheContainerAndStartsItAgain() {
        fixture.givenAPublished(requested())
                .andThenAPublished(new ServiceDeploymentCompleted(SERVICE, DEPLOYMENT, "id-" + CONTAINER, T0))
                .whenPublishingA(new ServiceRestartRequested(SERVICE, DEPLOYMENT, T0))
                .expectDispatchedCommands(new RecordServiceContainerStopped(SERVICE, DEPLOYMENT));
        assertThat(runtime.container(CONTAINER).orElseThrow().running).isFalse();

        fixture.givenAPublished(requested())
                .andThenAPublished(new ServiceDeploymentCompleted(SERVICE, DEPLOYMENT, "id-" + CONTAINER, T0))
                .andThenAPublished(new ServiceRestartRequested(SERVICE, DEPLOYMENT, T0))
                .andThenAPublished(new ServiceContainerPaused(SERVICE, DEPLOYMENT, T0))
                .whenPublishingA(new ServiceContainerRestarting(SERVICE, DEPLOYMENT, T0))
                .expectDispatchedCommands(new CompleteServiceRestart(SERVICE, DEPLOYMENT, "id-" + CONTAINER));
        assertThat(runtime.container(CONTAINER).orElseThrow().running).isTrue();
    }

    @Test
    void aRemovalTakesTheContainerAndItsNetworkAndEndsTheSaga() {
        for (Purpose purpose : Purpose.values()) {
            setUp();
            fixture.givenAPublished(requested())
                    .andThenAPublished(new ServiceDeploymentCompleted(SERVICE, DEPLOYMENT, "id-" + CONTAINER, T0))
                    .whenPublishingA(new ServiceContainerRemovalRequested(SERVICE, DEPLOYMENT, purpose, T0))
                    .expectDispatchedCommands(new RecordServiceContainerRemoved(SERVICE, DEPLOYMENT));
            assertThat(runtime.container(CONTAINER)).isEmpty();
        }
    }

    @Test
    void aContainerThatDiedIsRemovedWhenTheServiceMovesOn() {
        fixture.givenAPublished(requested())
                .andThenAPublished(new ServiceDeploymentCompleted(SERVICE, DEPLOYMENT, "id-" + CONTAINER, T0))
                .andThenAPublished(new ServiceContainerExited(SERVICE, DEPLOYMENT, "die", T0))
                .whenPublishingA(new ServiceContainerRemovalRequested(SERVICE, DEPLOYMENT, Purpose.REPLACE, T0))
                .expectDispatchedCommands(new RecordServiceContainerRemoved(SERVICE, DEPLOYMENT));
        assertThat(runtime.container(CONTAINER)).isEmpty();
    }
}
