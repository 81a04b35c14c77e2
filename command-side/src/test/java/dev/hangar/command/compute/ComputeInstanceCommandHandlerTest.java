package dev.hangar.command.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hangar.command.claim.Claims;
import dev.hangar.command.claim.UniqueClaim;
import dev.hangar.command.subscription.SubscriptionAggregate;
import dev.hangar.kernel.common.HangarException;
import dev.hangar.kernel.common.SecretBox;
import dev.hangar.kernel.instance.CompleteInstanceDeletion;
import dev.hangar.kernel.instance.AutoStopSettings;
import dev.hangar.kernel.instance.CreateInstance;
import dev.hangar.kernel.instance.DeleteInstance;
import dev.hangar.kernel.instance.InstanceCatalog;
import dev.hangar.kernel.instance.InstanceCreated;
import dev.hangar.kernel.instance.InstanceDeleted;
import dev.hangar.kernel.instance.InstancePort;
import dev.hangar.kernel.instance.InstanceRenamed;
import dev.hangar.kernel.instance.InstanceRequested;
import dev.hangar.kernel.instance.RenameInstance;
import dev.hangar.kernel.subscription.PlanLimitReached;
import dev.hangar.kernel.workload.HealthCheck;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The compute instance handler over a real Axon configuration (command bus, repositories, in-memory
 * event store, claims, subscriptions): the catalog, the GPU policy both ways, names, plan slots.
 */
class ComputeInstanceCommandHandlerTest {

    private static final SecretBox SECRETS = new SecretBox(new byte[32]);

    private InMemoryEventStorageEngine engine;
    private Configuration config;
    private CommandGateway gateway;

    static InstanceCatalog catalog(boolean requireGpus) {
        return new InstanceCatalog("CN-HK-01",
                Map.of("cn-hk-01", new InstanceCatalog.Region("CN-HK-01", "local"),
                        "us-east-1", new InstanceCatalog.Region("us-east-1", "gpu-host")),
                Map.of("small", new InstanceCatalog.Size("small", 1, 1024)),
                Map.of("rtx-4090-24gb", new InstanceCatalog.GpuProduct("RTX 4090 24GB", "NVIDIA GeForce RTX 4090", 24, 8, 32768)),
                Map.of("pytorch-jupyter", new InstanceCatalog.Template("PyTorch + Jupyter", "hangar/workspace:bookworm",
                        List.of(new InstancePort(8888, "jupyter"), new InstancePort(22, "ssh")), null),
                        "quick", new InstanceCatalog.Template("Quick", "hangar/workspace:bookworm",
                        List.of(new InstancePort(8888, "jupyter")), 5.0)),
                "pytorch-jupyter", requireGpus, Duration.ofSeconds(30));
    }

    /** The host named {@code gpu-host} has NVIDIA GPUs; {@code local} has none. */
    private void start(boolean requireGpus) {
        engine = new InMemoryEventStorageEngine();
        config = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> engine)
                .configureAggregate(ComputeInstanceAggregate.class)
                .configureAggregate(SubscriptionAggregate.class)
                .configureAggregate(UniqueClaim.class)
                .registerCommandHandler(c -> new ComputeInstanceCommandHandler(c.repository(ComputeInstanceAggregate.class),
                        c.repository(SubscriptionAggregate.class), new Claims(c.repository(UniqueClaim.class)), SECRETS,
                        catalog(requireGpus), host -> host.equals("gpu-host"), AutoStopSettings.defaults()))
                .start();
        gateway = config.commandGateway();
    }

    @AfterEach
    void stop() {
        if (config != null) {
            config.shutdown();
        }
    }

    private InstanceCreated create(String owner, String name, String region, String type, String product, String template) {
        return gateway.sendAndWait(new CreateInstance(UUID.randomUUID().toString(), owner, name, region, type, product,
                template, null, null, null, null, null));
    }

    private InstanceRequested requested(String id) {
        return engine.readEvents(id).asStream().map(m -> m.getPayload()).filter(InstanceRequested.class::isInstance)
                .map(InstanceRequested.class::cast).findFirst().orElseThrow();
    }

    @Test
    void aSeed001CreateResolvesTheTypeAndTheDefaultTemplateAndRegion() {
        start(false);
        InstanceCreated created = create("u1", "box", null, "small", null, null);
        InstanceRequested r = requested(created.instanceId());
        assertThat(r.region()).isEqualTo("CN-HK-01");
        assertThat(r.templateId()).isEqualTo("pytorch-jupyter");
        assertThat(r.image()).isEqualTo("hangar/workspace:bookworm");
        assertThat(r.nanoCpus()).isEqualTo(1_000_000_000L);
        assertThat(r.memoryBytes()).isEqualTo(1024L * 1024 * 1024);
        assertThat(r.gpuNum()).isZero();
        assertThat(r.healthCheck()).isEqualTo(HealthCheck.DEFAULT);
        assertThat(SECRETS.decrypt(r.tokenCiphertext())).isEqualTo(created.accessToken());
        assertThat(r.toString()).doesNotContain(r.tokenCiphertext());
    }

    @Test
    void aGpuProductOnAHostWithGpusGetsThem() {
        start(true);
        InstanceCreated created = gateway.sendAndWait(new CreateInstance("i1", "u1", "box", "us-east-1", null,
                "rtx 4090 24gb", "pytorch-jupyter", 2, 100, "https://example.com/h", null, null));
        InstanceRequested r = requested(created.instanceId());
        assertThat(r.gpuAttached()).isTrue();
        assertThat(r.gpuNum()).isEqualTo(2);
        assertThat(r.gpuNote()).isNull();
        assertThat(r.productName()).isEqualTo("RTX 4090 24GB");
        assertThat(r.host()).isEqualTo("gpu-host");
        assertThat(r.rootfsSize()).isEqualTo(100);
    }

    @Test
    void aGpuProductOnAHostWithoutGpusRunsWithoutAndSaysWhy() {
        start(false);
        InstanceCreated created = create("u1", "box", "CN-HK-01", null, "RTX 4090 24GB", "pytorch-jupyter");
        InstanceRequested r = requested(created.instanceId());
        assertThat(r.gpuAttached()).isFalse();
        assertThat(r.gpuNum()).isEqualTo(1);
        assertThat(r.gpuNote()).contains("no NVIDIA GPUs");
    }

    @Test
    void whenGpusAreRequiredAHostWithoutThemRefusesAndNothingIsMade() {
        start(true);
        assertThatThrownBy(() -> create("u1", "box", "CN-HK-01", null, "RTX 4090 24GB", "pytorch-jupyter"))
                .isInstanceOfSatisfying(HangarException.class, e -> {
                    assertThat(e.kind()).isEqualTo(HangarException.Kind.UNAVAILABLE);
                    assertThat(e.code()).isEqualTo("GPU_UNAVAILABLE");
                });
        // nothing held: the name and both slots are still free
        create("u1", "box", null, "small", null, null);
        create("u1", "box2", null, "small", null, null);
    }

    @Test
    void unknownCatalogEntriesAreNamed() {
        start(false);
        assertThatThrownBy(() -> create("u1", "b", "MARS-01", "small", null, null)).hasMessageContaining("'MARS-01'");
        assertThatThrownBy(() -> create("u1", "b", null, "huge", null, null)).hasMessageContaining("'huge'");
        assertThatThrownBy(() -> create("u1", "b", null, null, "Voodoo 2", "pytorch-jupyter"))
                .hasMessageContaining("'Voodoo 2'");
        assertThatThrownBy(() -> create("u1", "b", null, null, "RTX 4090 24GB", "tensorflow"))
                .hasMessageContaining("'tensorflow'");
        assertThatThrownBy(() -> create("u1", "b", null, null, "RTX 4090 24GB", null))
                .hasMessageContaining("templateId is required");
        assertThatThrownBy(() -> create("u1", "b", null, null, null, null))
                .hasMessageContaining("instanceType or productName");
        assertThatThrownBy(() -> gateway.sendAndWait(new CreateInstance("x", "u1", "b", null, "small", null, null, null,
                null, "ftp://example.com", null, null))).hasMessageContaining("webhookUrl");
    }

    @Test
    void aNameIsTheOwnersOnceAndFreeAgainAfterDeleteOrRename() {
        start(false);
        InstanceCreated first = create("u1", "box", null, "small", null, null);
        assertThatThrownBy(() -> create("u1", "box", null, "small", null, null))
                .isInstanceOfSatisfying(HangarException.class, e -> assertThat(e.kind()).isEqualTo(HangarException.Kind.CONFLICT));
        create("u2", "box", null, "small", null, null); // another owner's name space

        gateway.sendAndWait(new RenameInstance(first.instanceId(), "renamed"));
        assertThat(engine.readEvents(first.instanceId()).asStream().map(m -> m.getPayload()))
                .anyMatch(InstanceRenamed.class::isInstance);
        InstanceCreated second = create("u1", "box", null, "small", null, null);
        assertThatThrownBy(() -> gateway.sendAndWait(new RenameInstance(second.instanceId(), "renamed")))
                .isInstanceOf(HangarException.class);

        gateway.sendAndWait(new DeleteInstance(second.instanceId()));
        gateway.sendAndWait(new CompleteInstanceDeletion(second.instanceId()));
        assertThat(engine.readEvents(second.instanceId()).asStream().map(m -> m.getPayload()))
                .anyMatch(InstanceDeleted.class::isInstance);
        create("u1", "box", null, "small", null, null);
    }

    @Test
    void instancesTakePlanSlotsAndADeletedOneGivesItsSlotBack() {
        start(false);
        InstanceCreated first = create("u1", "a", null, "small", null, null);
        create("u1", "b", null, "small", null, null);
        assertThatThrownBy(() -> create("u1", "c", null, "small", null, null)).isInstanceOf(PlanLimitReached.class);
        gateway.sendAndWait(new DeleteInstance(first.instanceId()));
        assertThatThrownBy(() -> create("u1", "c", null, "small", null, null))
                .as("the slot is held until the container is gone").isInstanceOf(PlanLimitReached.class);
        gateway.sendAndWait(new CompleteInstanceDeletion(first.instanceId()));
        create("u1", "c", null, "small", null, null);
    }

    @Test
    void theInactivityThresholdIsTheBodysElseTheTemplatesElseTheDefault() {
        start(false);
        InstanceCreated byDefault = gateway.sendAndWait(new CreateInstance("a1", "u1", "a1", null, "small", null, null,
                null, null, null, null, null));
        assertThat(requested(byDefault.instanceId()).autoStopAfterSeconds()).isEqualTo(1200L);
        InstanceCreated byTemplate = gateway.sendAndWait(new CreateInstance("a2", "u1", "a2", null, "small", null,
                "quick", null, null, null, null, null));
        assertThat(requested(byTemplate.instanceId()).autoStopAfterSeconds()).isEqualTo(300L);
        InstanceCreated byBody = gateway.sendAndWait(new CreateInstance("a3", "u2", "a3", null, "small", null, "quick",
                null, null, null, null, 0.1));
        assertThat(requested(byBody.instanceId()).autoStopAfterSeconds()).isEqualTo(6L);
        assertThatThrownBy(() -> gateway.sendAndWait(new CreateInstance("a4", "u2", "a4", null, "small", null, null,
                null, null, null, null, 0.0))).hasMessageContaining("autoStopMinutes");
        assertThatThrownBy(() -> gateway.sendAndWait(new CreateInstance("a5", "u2", "a5", null, "small", null, null,
                null, null, null, null, 20000.0))).hasMessageContaining("autoStopMinutes");
    }
}
