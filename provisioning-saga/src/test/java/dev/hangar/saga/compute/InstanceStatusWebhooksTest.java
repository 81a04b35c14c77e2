package dev.hangar.saga.compute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.kernel.common.HangarException;
import dev.hangar.kernel.instance.InstanceAutoStopRequested;
import dev.hangar.kernel.instance.InstanceDeleted;
import dev.hangar.kernel.instance.InstanceProvisioned;
import dev.hangar.kernel.instance.InstanceStatus;
import dev.hangar.kernel.instance.InstanceStatusChanged;
import dev.hangar.kernel.webhook.RequestStatusWebhook;
import dev.hangar.kernel.webhook.WebhookUrls;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each status change of an instance with a webhook URL becomes one delivery request, keyed by the event's id. */
class InstanceStatusWebhooksTest {

    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    final List<RequestStatusWebhook> sent = new ArrayList<>();
    InstanceStatusWebhooks bridge;

    @BeforeEach
    void setUp() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(RequestStatusWebhook.class.getName(), (CommandMessage<?> m) -> {
            RequestStatusWebhook cmd = (RequestStatusWebhook) m.getPayload();
            WebhookUrls.require(cmd.url());
            sent.add(cmd);
            return null;
        });
        bridge = new InstanceStatusWebhooks(DefaultCommandGateway.builder().commandBus(bus).build());
    }

    void publish(InstanceStatusChanged event, String id) {
        EventMessage<?> message = new GenericEventMessage<>(id, event, java.util.Map.of(), T0);
        bridge.on(event, message);
    }

    @Test
    void aStatusChangeIsRequestedInTheSurfacesWords() {
        publish(new InstanceProvisioned("i1", "u1", "box", InstanceStatus.CREATING, "https://example.com/h", "c1",
                List.of(), T0), "evt-1");
        assertThat(sent).containsExactly(new RequestStatusWebhook("evt-1", "u1", "i1", "https://example.com/h",
                "instance.status_changed", "i1", "box", "creating", "running", null, T0));
    }

    @Test
    void anAutoStopCarriesItsReason() {
        publish(new InstanceAutoStopRequested("i1", "u1", "box", InstanceStatus.RUNNING, "https://example.com/h", T0,
                60, "auto-stop: idle", T0), "evt-2");
        assertThat(sent).singleElement().satisfies(r -> {
            assertThat(r.oldStatus()).isEqualTo("running");
            assertThat(r.newStatus()).isEqualTo("stopping");
            assertThat(r.reason()).isEqualTo("auto-stop: idle");
        });
    }

    @Test
    void noUrlOrTheFinalRemovalRequestsNothing() {
        publish(new InstanceProvisioned("i1", "u1", "box", InstanceStatus.CREATING, null, "c1", List.of(), T0), "e");
        publish(new InstanceDeleted("i1", "u1", "box", InstanceStatus.DELETING, "https://example.com/h", T0), "f");
        assertThat(sent).isEmpty();
    }

    @Test
    void aUrlTheCheckRefusesIsSkippedNotRetriedForever() {
        publish(new InstanceProvisioned("i1", "u1", "box", InstanceStatus.CREATING, "file:///etc/passwd", "c1",
                List.of(), T0), "evt-3");
        assertThat(sent).isEmpty();
    }
}
