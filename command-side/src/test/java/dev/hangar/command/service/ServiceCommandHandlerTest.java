package dev.hangar.command.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hangar.command.claim.Claims;
import dev.hangar.command.claim.UniqueClaim;
import dev.hangar.command.instance.HostPorts;
import dev.hangar.command.instance.PortAllocator;
import dev.hangar.command.instance.PortRange;
import dev.hangar.kernel.common.HangarException;
import dev.hangar.kernel.common.SecretBox;
import dev.hangar.kernel.service.CreateService;
import dev.hangar.kernel.service.DeleteService;
import dev.hangar.kernel.service.DeploymentView;
import dev.hangar.kernel.service.RecordServiceContainerRemoved;
import dev.hangar.kernel.service.ServiceConfig;
import dev.hangar.kernel.service.ServiceCreated;
import dev.hangar.kernel.service.ServiceDeleted;
import dev.hangar.kernel.service.ServiceDeploymentRequested;
import dev.hangar.kernel.service.ServiceResources;
import dev.hangar.kernel.service.ServiceSecrets;
import dev.hangar.kernel.service.StartService;
import dev.hangar.kernel.service.UpdateService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service commands over a real Axon configuration (command bus, repositories, in-memory event
 * store, claims): templates rendered, secrets sealed, one service per type and at most N per tenant,
 * exact under 20 racing creates, and a deleted service's type and ports released.
 */
class ServiceCommandHandlerTest {

    private static final SecretBox SECRETS = new SecretBox(new byte[32]);
    private static final String TENANT = "tenant-1";
    private static final ServiceConfig TEMPLATE = new ServiceConfig("hangar/postgres:15", List.of(5432),
            Map.of("POSTGRES_USER", "{{DB_USER}}", "POSTGRES_PASSWORD", "{{DB_PASSWORD}}", "POSTGRES_DB", "{{ DB_NAME }}"),
            new ServiceResources(500, 1024, 2048), "postgresql.nomad", null);

    private InMemoryEventStorageEngine engine;
    private Configuration config;
    private CommandGateway gateway;

    @BeforeEach
    void start() {
        engine = new InMemoryEventStorageEngine();
        config = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> engine)
                .configureAggregate(ServiceAggregate.class)
                .configureAggregate(TenantServices.class)
                .configureAggregate(UniqueClaim.class)
                .registerCommandHandler(c -> new ServiceCommandHandler(c.repository(ServiceAggregate.class),
                        c.repository(TenantServices.class),
                        new PortAllocator(new Claims(c.repository(UniqueClaim.class)), port -> true,
                                new PortRange(41000, 41099)),
                        SECRETS, new ServiceLimits(5)))
                .start();
        gateway = config.commandGateway();
    }

    @AfterEach
    void stop() {
        config.shutdown();
    }

    private List<Object> events() {
        List<Object> out = new ArrayList<>();
        engine.readEvents(null, false).map(EventMessage::getPayload).forEach(out::add);
        return out;
    }

    @SuppressWarnings("unchecked")
    private <T> T last(Class<T> type) {
        List<Object> all = events();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (type.isInstance(all.get(i))) {
                return (T) all.get(i);
            }
        }
        throw new AssertionError("no " + type.getSimpleName());
    }

    private String create(String type, ServiceConfig config) {
        String id = UUID.randomUUID().toString();
        gateway.sendAndWait(new CreateService(id, TENANT, "user-1", "svc", type, null, config, null, null));
        return id;
    }

    private static ServiceConfig plain(String image) {
        return new ServiceConfig(image, List.of(), Map.of(), null, null, null);
    }

    @Test
    void aTemplateIsRenderedWithTheCustomVariablesAndItsSecretsGeneratedAndSealed() {
        String id = UUID.randomUUID().toString();
        ServiceConfig request = new ServiceConfig(null, List.of(), Map.of(), null, null,
                Map.of("DB_USER", "myuser", "DB_NAME", "mydb"));
        gateway.sendAndWait(new CreateService(id, TENANT, "user-1", "db", "database", "d", request, "tpl", TEMPLATE));

        ServiceCreated created = last(ServiceCreated.class);
        assertThat(created.config().environment().values()).as("sealed").noneMatch(v -> v.equals("myuser"));
        ServiceConfig open = ServiceSecrets.open(created.config(), SECRETS);
        assertThat(open.image()).isEqualTo("hangar/postgres:15");
        assertThat(open.environment()).containsEntry("POSTGRES_USER", "myuser").containsEntry("POSTGRES_DB", "mydb");
        assertThat(open.environment().get("POSTGRES_PASSWORD")).hasSize(24).doesNotContain("{{");
        assertThat(open.customVariables()).isEqualTo(Map.of("DB_USER", "myuser", "DB_NAME", "mydb"));
        assertThat(created.templateId()).isEqualTo("tpl");
    }

    @Test
    void aPlaceholderWithoutAValueIsNamed() {
        ServiceConfig request = new ServiceConfig(null, List.of(), Map.of(), null, null, Map.of("DB_NAME", "x"));
        assertThatThrownBy(() -> gateway.sendAndWait(new CreateService(UUID.randomUUID().toString(), TENANT, "u",
                "db", "database", null, request, "tpl", TEMPLATE)))
                .isInstanceOf(HangarException.class).hasMessage("Missing value for template variable DB_USER");
        assertThat(events()).isEmpty();
    }

    @Test
    void aValueIsPutAsItIsNeverInterpreted() {
        String hostile = "$(touch /tmp/pwned); `id` ${HOME} {{NOT_A_VAR";
        ServiceConfig request = new ServiceConfig("hangar/redis:7", List.of(), Map.of("A", "{{X}}"), null, null,
                Map.of("X", hostile));
        String id = UUID.randomUUID().toString();
        gateway.sendAndWait(new CreateService(id, TENANT, "u", "svc", "cache", null, request, null, null));
        assertThat(ServiceSecrets.open(last(ServiceCreated.class).config(), SECRETS).environment())
                .containsEntry("A", hostile);
    }

    @Test
    void oneServicePerTypeAndAtMostFivePerTenant() {
        create("cache", plain("hangar/redis:7"));
        assertThatThrownBy(() -> create("CACHE", plain("hangar/redis:7")))
                .isInstanceOf(HangarException.class).hasMessage("Service already exists for this tenant");
        for (int i = 0; i < 4; i++) {
            create("type-" + i, plain("hangar/redis:7"));
        }
        assertThatThrownBy(() -> create("one-more", plain("hangar/redis:7")))
                .isInstanceOf(HangarException.class).hasMessage("Tenant has reached maximum number of services");
        // another tenant is not counted
        gateway.sendAndWait(new CreateService(UUID.randomUUID().toString(), "tenant-2", "u", "svc", "cache", null,
                plain("hangar/redis:7"), null, null));
    }

    @Test
    void twentyRacingCreatesOfOneTenantKeepTheRulesExactly() throws Exception {
        assertThat(race(i -> "same")).isEqualTo(1);
        assertThat(race(i -> "type-" + i)).isEqualTo(4);
        assertThat(events().stream().filter(ServiceCreated.class::isInstance)).hasSize(5);
    }

    private int race(java.util.function.IntFunction<String> type) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String t = type.apply(i);
                futures.add(pool.submit(() -> {
                    go.await();
                    return create(t, plain("hangar/redis:7"));
                }));
            }
            go.countDown();
            int ok = 0;
            for (Future<?> f : futures) {
                try {
                    f.get();
                    ok++;
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(HangarException.class);
                }
            }
            return ok;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aStartClaimsHostPortsAndADeleteReleasesThemAndTheType() {
        ServiceConfig config = new ServiceConfig("hangar/redis:7", List.of(6379, 6380), Map.of(), null, null, null);
        String id = create("cache", config);
        DeploymentView deployment = gateway.sendAndWait(new StartService(id, TENANT, "dep-1", "user-1"));
        assertThat(deployment.nomadJobId()).startsWith(TENANT + "-cache-");
        ServiceDeploymentRequested requested = last(ServiceDeploymentRequested.class);
        assertThat(requested.ports()).hasSize(2).allMatch(p -> p.hostPort() >= 41000 && p.hostPort() <= 41099);
        assertThat(requested.ports().get(0).hostPort()).isNotEqualTo(requested.ports().get(1).hostPort());
        assertThat(requested.memoryBytes()).as("no resources given: never unlimited").isEqualTo(512L * 1024 * 1024);
        assertThat(requested.nanoCpus()).isEqualTo(1_000_000_000L);

        gateway.sendAndWait(new DeleteService(id, TENANT));
        assertThat(events().stream().filter(ServiceDeleted.class::isInstance)).isEmpty();
        gateway.sendAndWait(new RecordServiceContainerRemoved(id, "dep-1"));
        assertThat(last(ServiceDeleted.class).serviceId()).isEqualTo(id);
        assertThat(events().stream().filter(e -> e instanceof dev.hangar.command.claim.ClaimReleased)).hasSize(2);
        // the type is free again
        create("cache", plain("hangar/redis:7"));
    }

    @Test
    void anotherTenantCannotTouchTheService() {
        String id = create("cache", plain("hangar/redis:7"));
        assertThatThrownBy(() -> gateway.sendAndWait(new StartService(id, "tenant-2", "d", "u")))
                .isInstanceOf(HangarException.class).hasMessage("Service not found");
        assertThatThrownBy(() -> gateway.sendAndWait(new DeleteService(UUID.randomUUID().toString(), TENANT)))
                .isInstanceOf(HangarException.class).hasMessage("Service not found");
    }

    @Test
    void anUpdateMayChangeTheTypeOnlyToAFreeOne() {
        String id = create("cache", plain("hangar/redis:7"));
        create("web", plain("hangar/nginx:1"));
        assertThatThrownBy(() -> gateway.sendAndWait(new UpdateService(id, TENANT, "u", null, "web", null, null)))
                .isInstanceOf(HangarException.class).hasMessage("Service already exists for this tenant");
        gateway.sendAndWait(new UpdateService(id, TENANT, "u", null, "queue", null, null));
        create("cache", plain("hangar/redis:7"));
    }

    @Test
    void invalidInputIsRefused() {
        assertThatThrownBy(() -> create("bad type", plain("hangar/redis:7"))).hasMessageStartingWith("Invalid input data");
        assertThatThrownBy(() -> create("ok", plain(null))).hasMessageStartingWith("Invalid input data");
        assertThatThrownBy(() -> create("ok", new ServiceConfig("hangar/redis:7", List.of(70000), Map.of(), null, null,
                null))).hasMessageStartingWith("Invalid input data");
        assertThatThrownBy(() -> create("ok", new ServiceConfig("hangar/redis:7", List.of(), Map.of("A B", "x"), null,
                null, null))).hasMessageStartingWith("Invalid input data");
        assertThatThrownBy(() -> create("ok", new ServiceConfig("hangar/redis:7", List.of(), Map.of(),
                new ServiceResources(-1, 0, 0), null, null))).hasMessageStartingWith("Invalid input data");
    }
}
