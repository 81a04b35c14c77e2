package dev.hangar.saga.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared by the Docker-backed tests: a raw docker-java client for checks behind the port's back,
 * free ports, and clean-up of everything labelled with the test's instance id. Tests FAIL (never
 * skip) when Docker is not reachable.
 */
public final class DockerTestSupport implements AutoCloseable {

    public static final String DOCKER_HOST = System.getenv().getOrDefault("DOCKER_HOST",
            DockerContainerRuntime.DEFAULT_DOCKER_HOST);

    public final DockerClient docker;

    public DockerTestSupport() {
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(DOCKER_HOST).withDockerTlsVerify(false).withApiVersion("1.41").build();
        docker = DockerClientImpl.getInstance(config, new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost()).connectionTimeout(Duration.ofSeconds(2))
                .responseTimeout(Duration.ofSeconds(60)).build());
    }

    /**
     * Kills the container until {@code seen} holds (at most 30 s), starting it again between tries. An
     * engine event stream is opened on its own thread and a death before it listens is not replayed.
     */
    public void killUntilSeen(ContainerRuntime runtime, String container, BooleanSupplier seen) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            if (seen.getAsBoolean()) {
                return true;
            }
            runtime.start(container);
            docker.killContainerCmd(container).exec();
            return false;
        });
    }

    public static void assertDockerReachable(ContainerRuntime runtime) {
        assertThat(runtime.ping())
                .as("Docker must be reachable at %s for these tests (start it with `bash scripts/ensure-docker.sh`)",
                        DOCKER_HOST)
                .isTrue();
    }

    public static String newInstanceId() {
        return "test-" + UUID.randomUUID();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Force-removes every container, then every volume, labelled {@code hangar.instance-id=<instanceId>}. */
    public void removeAllLabelled(String instanceId) {
        Map<String, String> filter = Map.of(Labels.INSTANCE_ID, instanceId);
        List<Container> containers = docker.listContainersCmd().withShowAll(true).withLabelFilter(filter).exec();
        for (Container c : containers) {
            try {
                docker.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec();
            } catch (RuntimeException e) {
                // best effort
            }
        }
        for (var n : docker.listNetworksCmd().withFilter("label", List.of(Labels.INSTANCE_ID + "=" + instanceId)).exec()) {
            try {
                docker.removeNetworkCmd(n.getId()).exec();
            } catch (RuntimeException e) {
                // best effort
            }
        }
        for (InspectVolumeResponse v : volumesLabelled(instanceId)) {
            try {
                docker.removeVolumeCmd(v.getName()).exec();
            } catch (RuntimeException e) {
                // best effort
            }
        }
    }

    public List<InspectVolumeResponse> volumesLabelled(String instanceId) {
        List<InspectVolumeResponse> volumes = docker.listVolumesCmd()
                .withFilter("label", List.of(Labels.INSTANCE_ID + "=" + instanceId)).exec().getVolumes();
        return volumes == null ? List.of() : volumes;
    }

    @Override
    public void close() throws IOException {
        docker.close();
    }
}
