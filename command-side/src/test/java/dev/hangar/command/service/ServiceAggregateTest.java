package dev.hangar.command.service;

import dev.hangar.kernel.common.HangarException;
import dev.hangar.kernel.service.CompleteServiceDeployment;
import dev.hangar.kernel.service.CompleteServiceRestart;
import dev.hangar.kernel.service.DeploymentStatus;
import dev.hangar.kernel.service.DeploymentView;
import dev.hangar.kernel.service.FailServiceDeployment;
import dev.hangar.kernel.service.FailServiceRestart;
import dev.hangar.kernel.service.PublishedPort;
import dev.hangar.kernel.service.RecordServiceContainerExited;
import dev.hangar.kernel.service.RecordServiceContainerStopped;
import dev.hangar.kernel.service.RestartService;
import dev.hangar.kernel.service.ServiceConfig;
import dev.hangar.kernel.service.ServiceContainerExited;
import dev.hangar.kernel.service.ServiceContainerPaused;
import dev.hangar.kernel.service.ServiceContainerRemovalRequested;
import dev.hangar.kernel.service.ServiceContainerRemovalRequested.Purpose;
import dev.hangar.kernel.service.ServiceContainerRemoved;
import dev.hangar.kernel.service.ServiceContainerRestarting;
import dev.hangar.kernel.service.ServiceCreated;
import dev.hangar.kernel.service.ServiceDeleted;
import dev.hangar.kernel.service.ServiceDeploymentCompleted;
import dev.hangar.kernel.service.ServiceDeploymentCreated;
import dev.hangar.kernel.service.ServiceDeploymentFailed;
import dev.hangar.kernel.service.ServiceDeploymentRequested;
import dev.hangar.kernel.service.ServiceResources;
import dev.hangar.kernel.service.ServiceRestartFailed;
import dev.hangar.kernel.service.ServiceRestartRequested;
import dev.hangar.kernel.service.ServiceRestarted;
import dev.hangar.kernel.service.ServiceStopped;
import dev.hangar.kernel.service.ServiceUpdated;
import dev.hangar.kernel.service.StopService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Service aggregate in Axon's aggregate fixture: every path of a service and its deployments. */
class ServiceAggregateTest {

    static final String ID = "svc-1";
    static final String TENANT = "tenant-1";
    static final String USER = "user-1";
    static final String D1 = "dep-1";
    static final String D2 = "dep-2";
    static final ServiceConfig CONFIG = new ServiceConfig("hangar/redis:7", List.of(6379),
            Map.of("REDIS_PASSWORD", "sealed"), new ServiceResources(250, 256, 512), "redis.nomad", null);

    private AggregateTestFixture<ServiceAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ServiceAggregate.class);
    }

    private Instant now() {
        return fixture.currentTime();
    }

    private String container(String type) {
        return ServiceAggregate.containerName(TENANT, type, now().getEpochSecond());
    }

    static ServiceCreated created() {
        return new ServiceCreated(ID, TENANT, "cache", "cache", "my cache", CONFIG, null, USER, Instant.EPOCH);
    }

    private static ServicePortsAssigned ports() {
        return new ServicePortsAssigned(ID, List.of(new PublishedPort(6379, 30001)));
    }

    private ServiceDeploymentCreated deploymentCreated(String deploymentId, String container) {
        return new ServiceDeploymentCreated(ID, TENANT, deploymentId, container, USER, now());
    }

    private ServiceDeploymentRequested requested(String deploymentId, String container) {
        return new ServiceDeploymentRequested(ID, TENANT, deploymentId, container, "hangar/redis:7",
                List.of(new PublishedPort(6379, 30001)), Map.of("REDIS_PASSWORD", "sealed"), 256L * 1024 * 1024,
                250_000_000L, now());
    }

    /** A running service whose deployment D1 runs in container {@code c1}. */
    private List<Object> running(String c1) {
        List<Object> history = new ArrayList<>(List.of(created(), ports(), deploymentCreated(D1, c1), requested(D1, c1),
                new ServiceDeploymentCompleted(ID, D1, "cid-1", now())));
        return history;
    }

    private static final String C1 = "t-cache-1";

    @Test
    void aStoppedServiceStartsANewDeploymentNamedAfterTenantTypeAndTime() {
        String container = container("cache");
        fixture.given(created(), ports())
                .when(new DeployService(ID, D1, USER, false))
                .expectEvents(deploymentCreated(D1, container), requested(D1, container))
                .expectResultMessagePayload(new DeploymentView(D1, ID, DeploymentStatus.PENDING, container, null, USER,
                        null, now(), null, null, null));
    }

    @Test
    void aStartIsRefusedWhileRunningOrWhileADeploymentIsUnderWay() {
        expectRefused(fixture.given(running(C1)).when(new DeployService(ID, D2, USER, false)),
                "Service is already running");
        expectRefused(fixture.given(created(), ports(), deploymentCreated(D1, C1), requested(D1, C1))
                .when(new DeployService(ID, D2, USER, false)), "Service deployment already in progress");
        List<Object> restarting = running(C1);
        restarting.add(new ServiceRestartRequested(ID, D1, now()));
        expectRefused(fixture.given(restarting).when(new DeployService(ID, D2, USER, false)),
                "Service deployment already in progress");
    }

    @Test
    void aDeploymentIsCompletedOnlyWhileItIsTheOneUnderWay() {
        fixture.given(created(), ports(), deploymentCreated(D1, C1), requested(D1, C1))
                .when(new CompleteServiceDeployment(ID, D1, "cid-1"))
                .expectEvents(new ServiceDeploymentCompleted(ID, D1, "cid-1", now()));
        fixture.given(created(), ports(), deploymentCreated(D1, C1), requested(D1, C1))
                .when(new CompleteServiceDeployment(ID, "other", "cid-1"))
                .expectNoEvents();
        fixture.given(running(C1)).when(new CompleteServiceDeployment(ID, D1, "cid-1")).expectNoEvents();
    }

    @Test
    void aFailedDeploymentSaysWhyAndTheServiceMayStartAgain() {
        fixture.given(created(), ports(), deploymentCreated(D1, C1), requested(D1, C1))
                .when(new FailServiceDeployment(ID, D1, "image missing"))
                .expectEvents(new ServiceDeploymentFailed(ID, D1, "image missing", now()));
        String container = container("cache");
        fixture.given(created(), ports(), deploymentCreated(D1, C1), requested(D1, C1),
                        new ServiceDeploymentFailed(ID, D1, "image missing", now()))
                .when(new DeployService(ID, D2, USER, false))
                .expectEvents(deploymentCreated(D2, container), requested(D2, container));
    }

    @Test
    void stopRemovesTheContainerThenTheServiceIsStopped() {
        fixture.given(running(C1))
                .when(new StopService(ID, TENANT))
                .expectEvents(new ServiceContainerRemovalRequested(ID, D1, Purpose.STOP, now()));
        List<Object> stopping = running(C1);
        stopping.add(new ServiceContainerRemovalRequested(ID, D1, Purpose.STOP, now()));
        fixture.given(stopping)
                .when(new RecordContainerRemoval(ID, D1))
                .expectEvents(new ServiceContainerRemoved(ID, D1, now()), new ServiceStopped(ID, now()))
                .expectResultMessagePayload(false);
    }

    @Test
    void stopAndRestartAreRefusedUnlessRunning() {
        expectRefused(fixture.given(created()).when(new StopService(ID, TENANT)), "Service is not running");
        expectRefused(fixture.given(created()).when(new RestartService(ID, TENANT)), "Service is not running");
        expectRefused(fixture.given(created(), ports(), deploymentCreated(D1, C1), requested(D1, C1))
                .when(new StopService(ID, TENANT)), "Service is not running");
    }

    @Test
    void anotherTenantFindsNoService() {
        fixture.given(running(C1))
                .when(new StopService(ID, "tenant-2"))
                .expectException(HangarException.class)
                .expectExceptionMessage("Service not found");
    }

    @Test
    void restartStopsThenStartsTheSameContainer() {
        fixture.given(running(C1))
                .when(new RestartService(ID, TENANT))
                .expectEvents(new ServiceRestartRequested(ID, D1, now()));
        List<Object> restarting = running(C1);
        restarting.add(new ServiceRestartRequested(ID, D1, now()));
        fixture.given(restarting)
                .when(new RecordServiceContainerStopped(ID, D1))
                .expectEvents(new ServiceContainerPaused(ID, D1, now()), new ServiceContainerRestarting(ID, D1, now()));
        restarting.add(new ServiceContainerPaused(ID, D1, now()));
        restarting.add(new ServiceContainerRestarting(ID, D1, now()));
        fixture.given(restarting)
                .when(new CompleteServiceRestart(ID, D1, "cid-1"))
                .expectEvents(new ServiceRestarted(ID, D1, "cid-1", now()));
        fixture.given(restarting)
                .when(new FailServiceRestart(ID, D1, "no"))
                .expectEvents(new ServiceRestartFailed(ID, D1, "no", now()));
    }

    @Test
    void aContainerThatExitsWhileRunningFailsTheServiceButARestartsOwnStopDoesNot() {
        fixture.given(running(C1))
                .when(new RecordServiceContainerExited(ID, D1, "die", null))
                .expectEvents(new ServiceContainerExited(ID, D1, "die", now()));
        List<Object> restarting = running(C1);
        restarting.add(new ServiceRestartRequested(ID, D1, now()));
        fixture.given(restarting).when(new RecordServiceContainerExited(ID, D1, "die", null)).expectNoEvents();
        List<Object> restarted = new ArrayList<>(restarting);
        restarted.add(new ServiceRestarted(ID, D1, "cid-1", now()));
        fixture.given(restarted)
                .when(new RecordServiceContainerExited(ID, D1, "stop", now().minusSeconds(1)))
                .expectNoEvents();
        fixture.given(running(C1)).when(new RecordServiceContainerExited(ID, "old", "die", null)).expectNoEvents();
    }

    @Test
    void aStartAfterTheContainerFailedReplacesIt() {
        List<Object> failed = running(C1);
        failed.add(new ServiceContainerExited(ID, D1, "die", now()));
        String container = container("cache");
        fixture.given(failed)
                .when(new DeployService(ID, D2, USER, false))
                .expectEvents(deploymentCreated(D2, container),
                        new ServiceContainerRemovalRequested(ID, D1, Purpose.REPLACE, now()));
        failed.add(deploymentCreated(D2, container));
        failed.add(new ServiceContainerRemovalRequested(ID, D1, Purpose.REPLACE, now()));
        fixture.given(failed)
                .when(new RecordContainerRemoval(ID, D1))
                .expectEvents(new ServiceContainerRemoved(ID, D1, now()), requested(D2, container));
    }

    @Test
    void anUpdateOfARunningServiceRedeploysIt() {
        String container = container("cache");
        fixture.given(running(C1))
                .when(new ReviseService(ID, "renamed", "cache", null, CONFIG, USER))
                .expectEvents(new ServiceUpdated(ID, TENANT, "renamed", "cache", null, CONFIG, USER, now()));
        fixture.given(running(C1))
                .when(new DeployService(ID, D2, USER, true))
                .expectEvents(deploymentCreated(D2, container),
                        new ServiceContainerRemovalRequested(ID, D1, Purpose.REPLACE, now()));
    }

    @Test
    void twoDeploymentsInOneSecondGetDistinctContainerNames() {
        String first = container("cache");
        String next = ServiceAggregate.containerName(TENANT, "cache", now().getEpochSecond() + 1);
        fixture.given(created(), ports(), deploymentCreated(D1, first), requested(D1, first),
                        new ServiceDeploymentCompleted(ID, D1, "cid-1", now()))
                .when(new DeployService(ID, D2, USER, true))
                .expectEvents(deploymentCreated(D2, next),
                        new ServiceContainerRemovalRequested(ID, D1, Purpose.REPLACE, now()));
    }

    @Test
    void deleteRemovesTheContainerFirstOrDeletesAtOnceWithoutOne() {
        fixture.given(created())
                .when(new RemoveService(ID))
                .expectEvents(new ServiceDeleted(ID, TENANT, "cache", now()))
                .expectResultMessagePayload(true);
        fixture.given(running(C1))
                .when(new RemoveService(ID))
                .expectEvents(new ServiceContainerRemovalRequested(ID, D1, Purpose.DELETE, now()))
                .expectResultMessagePayload(false);
        List<Object> deleting = running(C1);
        deleting.add(new ServiceContainerRemovalRequested(ID, D1, Purpose.DELETE, now()));
        fixture.given(deleting)
                .when(new RecordContainerRemoval(ID, D1))
                .expectEvents(new ServiceContainerRemoved(ID, D1, now()), new ServiceDeleted(ID, TENANT, "cache", now()))
                .expectResultMessagePayload(true);
        fixture.given(deleting).when(new RemoveService(ID)).expectNoEvents();
    }

    @Test
    void aDeletedServiceIsNotFound() {
        fixture.given(created(), new ServiceDeleted(ID, TENANT, "cache", now()))
                .when(new DeployService(ID, D1, USER, false))
                .expectException(HangarException.class)
                .expectExceptionMessage("Service not found");
    }

    @Test
    void portsAreAssignedOnce() {
        fixture.given(created())
                .when(new AssignServicePorts(ID, List.of(new PublishedPort(6379, 30001))))
                .expectEvents(ports());
        fixture.given(created()).when(new AssignServicePorts(ID, List.of())).expectNoEvents();
    }

    private static void expectRefused(ResultValidator<ServiceAggregate> result, String message) {
        result.expectException(HangarException.class).expectExceptionMessage(message).expectNoEvents();
    }
}
