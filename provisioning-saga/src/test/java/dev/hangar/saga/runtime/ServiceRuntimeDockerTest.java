package dev.hangar.saga.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the services need of the engine, against the real Docker engine: several ports, logs, usage, its id. */
class ServiceRuntimeDockerTest extends RealDockerTest {

    private static final String IMAGE = "hangar/redis:7";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);


    private String instanceId;
    private String name;

    @BeforeEach
    void names() {
        instanceId = DockerTestSupport.newInstanceId();
        name = "hangar-svc-" + instanceId;
    }

    @AfterEach
    void cleanUp() {
        support.removeAllLabelled(instanceId);
    }

    @Test
    void aContainerPublishesSeveralPortsAndShowsItsLogsAndUsage() throws Exception {
        int first = DockerTestSupport.freePort();
        int second = DockerTestSupport.freePort();
        ContainerSpec spec = new ContainerSpec(name, IMAGE, Map.of(), List.of(), Map.of(Labels.INSTANCE_ID, instanceId),
                6379, "127.0.0.1", first, null, null, 64L * 1024 * 1024, 0).withMorePorts(Map.of(16379, second));
        runtime.ensureRunning(spec);

        var bindings = support.docker.inspectContainerCmd(name).exec().getHostConfig().getPortBindings().getBindings();
        assertThat(bindings.keySet()).extracting(p -> p.getPort()).containsExactlyInAnyOrder(6379, 16379);

        List<String> lines = List.of();
        for (int i = 0; i < 100 && lines.stream().noneMatch(l -> l.contains("Ready to accept connections")); i++) {
            Thread.sleep(100);
            lines = runtime.logs(name, 100, null, 1 << 20, TIMEOUT);
        }
        assertThat(lines).anyMatch(l -> l.contains("Ready to accept connections"))
                .allMatch(l -> l.matches("^\\d{4}-\\d\\d-\\d\\dT\\S+Z .*"));
        assertThat(runtime.logs(name, 1, null, 1 << 20, TIMEOUT)).hasSize(1);
        assertThat(runtime.logs(name, 100, Instant.now().plusSeconds(3600), 1 << 20, TIMEOUT)).isEmpty();
        assertThat(runtime.logs(name, 100, null, 10, TIMEOUT)).as("bounded in bytes").isEmpty();
        assertThat(runtime.logs("hangar-no-such-container-" + instanceId, 100, null, 1 << 20, TIMEOUT)).isEmpty();

        ContainerUsage usage = runtime.usage(name, TIMEOUT).orElseThrow();
        assertThat(usage.status()).isEqualTo("running");
        assertThat(usage.memoryBytes()).isPositive();
        assertThat(usage.cpuPercent()).isGreaterThanOrEqualTo(0);
        assertThat(usage.containerId()).isEqualTo(support.docker.inspectContainerCmd(name).exec().getId());
        assertThat(runtime.engineId()).isEqualTo(support.docker.infoCmd().exec().getId()).isNotBlank();

        runtime.stop(name);
        ContainerUsage stopped = runtime.usage(name, TIMEOUT).orElseThrow();
        assertThat(stopped.status()).isEqualTo("exited");
        assertThat(stopped.memoryBytes()).isZero();
        assertThat(runtime.usage("hangar-no-such-container-" + instanceId, TIMEOUT)).isEmpty();
    }
}
