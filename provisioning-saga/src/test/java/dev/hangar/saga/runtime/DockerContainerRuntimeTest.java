package dev.hangar.saga.runtime;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against the real Docker engine; fails (does not skip) when it is absent. */
class DockerContainerRuntimeTest extends RealDockerTest {

    private static final String IMAGE = "hangar/redis:7";
    private static final long MEMORY = 64L * 1024 * 1024;
    private static final long NANO_CPUS = 500_000_000L;


    private String instanceId;
    private String name;
    private String volume;
    private int hostPort;

    @BeforeEach
    void names() {
        instanceId = DockerTestSupport.newInstanceId();
        name = "hangar-" + instanceId;
        volume = name + "-data";
        hostPort = DockerTestSupport.freePort();
    }

    @AfterEach
    void cleanUp() {
        support.removeAllLabelled(instanceId);
    }

    private ContainerSpec spec(String image) {
        return new ContainerSpec(name, image, Map.of("HANGAR_TEST", "1"), List.of("--maxmemory", "32mb"),
                Map.of(Labels.INSTANCE_ID, instanceId, Labels.ENGINE, "redis"), 6379, "127.0.0.1", hostPort,
                volume, "/data", MEMORY, NANO_CPUS);
    }

    @Test
    void pingsAndKnowsLocalImages() {
        assertThat(runtime.ping()).isTrue();
        assertThat(runtime.hasImage(IMAGE)).isTrue();
        assertThat(runtime.hasImage("nope/nothing:1")).isFalse();
    }

    @Test
    void fullLifecycle() throws Exception {
        ContainerHandle first = runtime.ensureRunning(spec(IMAGE));
        assertThat(first.created()).isTrue();
        assertThat(first.name()).isEqualTo(name);
        ContainerHandle second = runtime.ensureRunning(spec(IMAGE));
        assertThat(second.created()).isFalse();
        assertThat(second.containerId()).isEqualTo(first.containerId());

        InspectContainerResponse raw = support.docker.inspectContainerCmd(name).exec();
        assertThat(raw.getConfig().getLabels()).containsEntry(Labels.INSTANCE_ID, instanceId)
                .containsEntry(Labels.ENGINE, "redis");
        assertThat(raw.getHostConfig().getMemory()).isEqualTo(MEMORY);
        assertThat(raw.getHostConfig().getNanoCPUs()).isEqualTo(NANO_CPUS);
        assertThat(raw.getHostConfig().getRestartPolicy().getName()).isIn("no", "");
        assertThat(raw.getConfig().getCmd()).containsExactly("--maxmemory", "32mb");
        assertThat(raw.getConfig().getEnv()).contains("HANGAR_TEST=1");
        assertThat(raw.getMounts()).anySatisfy(m -> {
            assertThat(m.getName()).isEqualTo(volume);
            assertThat(m.getDestination().getPath()).isEqualTo("/data");
        });
        assertThat(support.volumesLabelled(instanceId)).extracting(v -> v.getName()).containsExactly(volume);
        assertThat(boundHostPort(name)).isEqualTo(hostPort);

        assertThat(runtime.inspect(name)).hasValueSatisfying(s -> {
            assertThat(s.running()).isTrue();
            assertThat(s.status()).isEqualTo("running");
            assertThat(s.name()).isEqualTo(name);
            assertThat(s.containerId()).isEqualTo(first.containerId());
            assertThat(s.labels()).containsEntry(Labels.INSTANCE_ID, instanceId);
        });
        assertThat(redisPing(hostPort, Duration.ofSeconds(30))).isTrue();

        runtime.stop(name);
        assertThat(runtime.inspect(name)).hasValueSatisfying(s -> assertThat(s.running()).isFalse());
        runtime.stop(name); // idempotent

        assertThat(runtime.start(name)).isTrue();
        assertThat(runtime.inspect(name)).hasValueSatisfying(s -> assertThat(s.running()).isTrue());
        assertThat(boundHostPort(name)).isEqualTo(hostPort);
        assertThat(redisPing(hostPort, Duration.ofSeconds(30))).isTrue();
        assertThat(runtime.start(name)).isTrue(); // already running is fine

        ExecResult hi = runtime.exec(name, "echo", "hi");
        assertThat(hi.exitCode()).isZero();
        assertThat(hi.output().strip()).isEqualTo("hi");
        ExecResult failing = runtime.exec(name, "sh", "-c", "echo oops >&2; exit 3");
        assertThat(failing.exitCode()).isEqualTo(3);
        assertThat(failing.output()).contains("oops");

        runtime.stop(name);
        ContainerHandle again = runtime.ensureRunning(spec(IMAGE)); // starts the stopped one
        assertThat(again.created()).isFalse();
        assertThat(again.containerId()).isEqualTo(first.containerId());
        assertThat(runtime.inspect(name)).hasValueSatisfying(s -> assertThat(s.running()).isTrue());

        runtime.remove(name, volume);
        assertThat(runtime.inspect(name)).isEmpty();
        assertThat(support.volumesLabelled(instanceId)).isEmpty();
        runtime.remove(name, volume); // idempotent
        assertThat(runtime.start(name)).isFalse();
        runtime.stop(name);
    }

    @Test
    void watchReportsADeathWithTheInstanceLabel() throws Exception {
        runtime.ensureRunning(spec(IMAGE));
        List<ContainerEvent> events = new CopyOnWriteArrayList<>();
        try (AutoCloseable ignored = runtime.watch(events::add)) {
            support.killUntilSeen(runtime, name, () -> events.stream().anyMatch(this::isDeathOfThis));
        }
        assertThat(events).anySatisfy(e -> {
            assertThat(e.action()).isIn("die", "kill");
            assertThat(e.instanceId()).isEqualTo(instanceId);
            assertThat(e.containerName()).isEqualTo(name);
            assertThat(e.labels()).containsEntry(Labels.ENGINE, "redis").doesNotContainKeys("name", "image");
            assertThat(e.at()).isNotNull();
        });
        int seen = events.size();
        support.docker.startContainerCmd(name).exec();
        Thread.sleep(500);
        assertThat(events).as("no events after close").hasSize(seen);
    }

    private boolean isDeathOfThis(ContainerEvent e) {
        return instanceId.equals(e.instanceId()) && ("die".equals(e.action()) || "kill".equals(e.action()));
    }

    @Test
    void missingImageIsAClearFailureAndCreatesNothing() {
        ContainerSpec spec = spec("nope/nothing:1");
        runtime.withPullPolicy(PullPolicy.NEVER);
        assertThatThrownBy(() -> runtime.ensureRunning(spec))
                .isInstanceOf(ContainerRuntimeException.class)
                .hasMessageContaining("nope/nothing:1")
                .hasMessageContaining("not present");
        assertThat(runtime.inspect(name)).isEmpty();
        assertThat(support.volumesLabelled(instanceId)).isEmpty();
    }

    @Test
    void aPullThatFailsSaysWhyAndCreatesNothing() {
        ContainerSpec spec = spec("nope/nothing:1");
        runtime.withPullPolicy(PullPolicy.MISSING);
        // no registry answers for this name here: the failure is the engine's own reason
        assertThatThrownBy(() -> runtime.ensureRunning(spec))
                .isInstanceOf(ContainerRuntimeException.class)
                .hasMessageContaining("pull nope/nothing:1");
        assertThat(runtime.inspect(name)).isEmpty();
        assertThat(support.volumesLabelled(instanceId)).isEmpty();
    }

    @Test
    void errorsNameTheContainerButNotTheEnv() {
        runtime.ensureRunning(spec(IMAGE));
        // a second container on the same host port cannot start
        String other = name + "-other";
        ContainerSpec clash = new ContainerSpec(other, IMAGE, Map.of("SECRET", "s3cr3t-value"), List.of(),
                Map.of(Labels.INSTANCE_ID, instanceId), 6379, "127.0.0.1", hostPort, null, null, 0, 0);
        assertThatThrownBy(() -> runtime.ensureRunning(clash))
                .isInstanceOf(ContainerRuntimeException.class)
                .hasMessageContaining(other)
                .hasMessageNotContaining("s3cr3t-value");
        assertThat(clash.toString()).doesNotContain("s3cr3t-value");
    }

    @Test
    void unreachableEngineFailsFast() {
        try (DockerContainerRuntime dead = new DockerContainerRuntime("tcp://127.0.0.1:1")) {
            long t0 = System.nanoTime();
            assertThat(dead.ping()).isFalse();
            assertThatThrownBy(() -> dead.ensureRunning(spec(IMAGE)))
                    .isInstanceOf(ContainerRuntimeException.class)
                    .hasMessageContaining(name);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        }
    }

    private int boundHostPort(String container) {
        Ports.Binding[] bindings = support.docker.inspectContainerCmd(container).exec()
                .getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(6379));
        assertThat(bindings).isNotEmpty();
        return Integer.parseInt(bindings[0].getHostPortSpec());
    }

    /** A real Redis round trip (docker-proxy accepts TCP before Redis listens). */
    private static boolean redisPing(int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                s.setSoTimeout(1000);
                OutputStream out = s.getOutputStream();
                out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = s.getInputStream();
                byte[] buf = new byte[7];
                int n = in.readNBytes(buf, 0, 7);
                if (n == 7 && new String(buf, StandardCharsets.US_ASCII).equals("+PONG\r\n")) {
                    return true;
                }
            } catch (Exception e) {
                // not yet
            }
            Thread.sleep(100);
        }
        return false;
    }

    // ---- issue 14: containers that cannot see each other

    @Test
    void aTenantsContainerCannotConnectToAnothersAndRunsWithoutPrivileges() {
        String otherId = DockerTestSupport.newInstanceId();
        String other = "hangar-" + otherId;
        try {
            ContainerSpec mine = spec(IMAGE).withIsolation(ContainerSpec.Isolation.ownNetwork(name, 128));
            ContainerSpec theirs = new ContainerSpec(other, IMAGE, Map.of(), List.of(),
                    Map.of(Labels.INSTANCE_ID, otherId, Labels.ENGINE, "redis"), 6379, "127.0.0.1",
                    DockerTestSupport.freePort(), other + "-data", "/data", MEMORY, NANO_CPUS)
                    .withIsolation(ContainerSpec.Isolation.ownNetwork(other, 128));
            runtime.ensureRunning(mine);
            runtime.ensureRunning(theirs);
            var inspected = support.docker.inspectContainerCmd(other).exec();
            String theirIp = inspected.getNetworkSettings().getNetworks()
                    .get(ContainerSpec.Isolation.networkOf(other)).getIpAddress();
            assertThat(theirIp).isNotBlank();

            String probe = "timeout 3 bash -c 'echo > /dev/tcp/" + theirIp + "/6379' && echo OPEN || echo CLOSED";
            awaitRunning(name);
            ExecResult result = runtime.exec(name, "bash", "-c", probe);
            assertThat(result.output()).as(result.output()).contains("CLOSED").doesNotContain("OPEN");
            // the probe itself works: the container reaches itself
            awaitListening(name);
            String self = "timeout 3 bash -c 'echo > /dev/tcp/127.0.0.1/6379' && echo OPEN || echo CLOSED";
            assertThat(runtime.exec(name, "bash", "-c", self).output()).contains("OPEN");

            var host = support.docker.inspectContainerCmd(name).exec().getHostConfig();
            assertThat(host.getCapDrop()).extracting(Enum::name).containsExactly("ALL");
            assertThat(host.getCapAdd()).extracting(Enum::name)
                    .containsExactlyInAnyOrderElementsOf(ContainerSpec.Isolation.ENGINE_CAPABILITIES);
            assertThat(host.getSecurityOpts()).contains("no-new-privileges:true");
            assertThat(host.getPidsLimit()).isEqualTo(128L);
            var network = support.docker.inspectNetworkCmd().withNetworkId(ContainerSpec.Isolation.networkOf(name)).exec();
            assertThat(network.getOptions()).containsEntry("com.docker.network.bridge.enable_icc", "false");

            runtime.remove(name, volume);
            assertThat(support.docker.listNetworksCmd().withNameFilter(ContainerSpec.Isolation.networkOf(name)).exec()
                    .stream().filter(n -> n.getName().equals(ContainerSpec.Isolation.networkOf(name)))).isEmpty();
        } finally {
            support.removeAllLabelled(otherId);
        }
    }

    private void awaitRunning(String container) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (runtime.inspect(container).map(s -> !s.running()).orElse(true)) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            pause();
        }
    }

    private void awaitListening(String container) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (!runtime.exec(container, "bash", "-c", "timeout 2 bash -c 'echo > /dev/tcp/127.0.0.1/6379' && echo OPEN")
                .output().contains("OPEN")) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
