package dev.hangar.query.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.kernel.common.SecretBox;
import dev.hangar.kernel.service.DeploymentStatus;
import dev.hangar.kernel.service.DeploymentView;
import dev.hangar.kernel.service.FindService;
import dev.hangar.kernel.service.ListServices;
import dev.hangar.kernel.service.ListServicesExpectedRunning;
import dev.hangar.kernel.service.PublishedPort;
import dev.hangar.kernel.service.ServiceConfig;
import dev.hangar.kernel.service.ServiceContainerExited;
import dev.hangar.kernel.service.ServiceContainerRemovalRequested;
import dev.hangar.kernel.service.ServiceCreated;
import dev.hangar.kernel.service.ServiceDeleted;
import dev.hangar.kernel.service.ServiceDeploymentCompleted;
import dev.hangar.kernel.service.ServiceDeploymentCreated;
import dev.hangar.kernel.service.ServiceDeploymentFailed;
import dev.hangar.kernel.service.ServiceDeploymentRequested;
import dev.hangar.kernel.service.ServiceResources;
import dev.hangar.kernel.service.ServiceSecrets;
import dev.hangar.kernel.service.ServiceStatus;
import dev.hangar.kernel.service.ServiceStopped;
import dev.hangar.kernel.service.ServiceView;
import dev.hangar.query.MongoTestServer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The services read model on a real MongoDB wire-protocol server: sealed at rest, open to its tenant only. */
class ServiceProjectionTest {

    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    static final SecretBox SECRETS = new SecretBox(new byte[32]);
    static final ServiceConfig PLAIN = new ServiceConfig("hangar/postgres:15", List.of(5432),
            Map.of("POSTGRES_PASSWORD", "Sup3r-secret"), new ServiceResources(500, 1024, 2048), "postgresql.nomad",
            Map.of("DB_NAME", "mydb"));

    MongoTestServer server;
    ServiceProjection projection;

    @BeforeEach
    void start() {
        server = new MongoTestServer();
        projection = new ServiceProjection(server.template(), SimpleQueryUpdateEmitter.builder().build(), SECRETS);
        projection.on(new ServiceCreated("s1", "t1", "db", "database", "desc", ServiceSecrets.seal(PLAIN, SECRETS), null,
                "u1", T0));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aServiceIsKeptSealedAndAnsweredOpenToItsTenantOnly() {
        ServiceView view = projection.handle(new FindService("t1", "s1")).orElseThrow();
        assertThat(view.status()).isEqualTo(ServiceStatus.STOPPED);
        assertThat(view.config()).isEqualTo(PLAIN);
        assertThat(view.createdBy()).isEqualTo("u1");
        assertThat(projection.handle(new FindService("t2", "s1"))).isEmpty();
        assertThat(projection.handle(new ListServices("t2")).services()).isEmpty();
        Document raw = server.template().getCollection("services").find().first();
        assertThat(raw.toJson()).doesNotContain("Sup3r-secret").doesNotContain("mydb");
    }

    @Test
    void deploymentsAreListedWithTheirOutcome() {
        projection.on(new ServiceDeploymentCreated("s1", "t1", "d1", "t1-database-1", "u1", T0));
        projection.on(new ServiceDeploymentRequested("s1", "t1", "d1", "t1-database-1", "img",
                List.of(new PublishedPort(5432, 30001)), Map.of(), 0, 0, T0));
        assertThat(projection.handle(new FindService("t1", "s1")).orElseThrow().status()).isEqualTo(ServiceStatus.DEPLOYING);
        projection.on(new ServiceDeploymentCompleted("s1", "d1", "cid", T0.plusSeconds(5)));
        ServiceView running = projection.handle(new FindService("t1", "s1")).orElseThrow();
        assertThat(running.status()).isEqualTo(ServiceStatus.RUNNING);
        DeploymentView d = running.deployments().get(0);
        assertThat(d.status()).isEqualTo(DeploymentStatus.COMPLETED);
        assertThat(d.nomadJobId()).isEqualTo("t1-database-1");
        assertThat(d.completedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(projection.handle(new ListServicesExpectedRunning()).services()).extracting(ServiceView::id)
                .containsExactly("s1");

        projection.on(new ServiceContainerExited("s1", "d1", "die", T0.plusSeconds(9)));
        ServiceView failed = projection.handle(new FindService("t1", "s1")).orElseThrow();
        assertThat(failed.status()).isEqualTo(ServiceStatus.FAILED);
        assertThat(failed.failureReason()).contains("die");

        projection.on(new ServiceDeploymentCreated("s1", "t1", "d2", "t1-database-2", "u1", T0.plusSeconds(10)));
        projection.on(new ServiceDeploymentFailed("s1", "d2", "no image", T0.plusSeconds(11)));
        ServiceView second = projection.handle(new FindService("t1", "s1")).orElseThrow();
        assertThat(second.deployments()).hasSize(2);
        assertThat(second.latestDeployment().orElseThrow().failureReason()).isEqualTo("no image");

        projection.on(new ServiceContainerRemovalRequested("s1", "d1", ServiceContainerRemovalRequested.Purpose.STOP,
                T0.plusSeconds(12)));
        assertThat(projection.handle(new FindService("t1", "s1")).orElseThrow().status()).isEqualTo(ServiceStatus.STOPPING);
        projection.on(new ServiceStopped("s1", T0.plusSeconds(13)));
        assertThat(projection.handle(new FindService("t1", "s1")).orElseThrow().status()).isEqualTo(ServiceStatus.STOPPED);
    }

    @Test
    void aDeletedServiceIsGoneAndALateEventWritesNothing() {
        projection.on(new ServiceDeleted("s1", "t1", "database", T0));
        assertThat(projection.handle(new FindService("t1", "s1"))).isEmpty();
        projection.on(new ServiceStopped("s1", T0));
        assertThat(projection.handle(new ListServices("t1")).services()).isEmpty();
    }
}
