package dev.hangar.saga.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.ExecCreateCmdResponse;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@link ContainerRuntime} on a Docker engine through docker-java (zero-dependency transport).
 *
 * <p>Thread-safe: one instance can be shared application-wide (the underlying clients pool their
 * connections). Request/response calls use a short connection timeout and a bounded response
 * timeout; {@link #watch} uses a second client without a response timeout so that an idle event
 * stream is never cut. {@link #close()} releases both clients.
 *
 * <p>The API version is pinned to 1.41 (Docker 20.10) unless another one is given.
 */
public class DockerContainerRuntime implements ContainerRuntime, AutoCloseable {

    public static final String DEFAULT_DOCKER_HOST = "unix:///var/run/docker.sock";
    public static final String DEFAULT_API_VERSION = "1.41";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(30);
    /** Grace period of {@link #stop}: after it, the engine kills the container. */
    public static final int STOP_TIMEOUT_SECONDS = 10;
    /** Upper bound on an {@link #exec} (the response timeout also applies to the stream). */
    public static final Duration EXEC_TIMEOUT = Duration.ofSeconds(25);

    private static final Logger LOG = Logger.getLogger(DockerContainerRuntime.class.getName());
    /** Actor attributes of a container event that are not labels. */
    private static final Set<String> NON_LABEL_ATTRIBUTES = Set.of("name", "image", "exitCode", "signal");
    private static final String[] WATCHED_ACTIONS = {"start", "die", "stop", "kill", "oom", "destroy"};

    /** Upper bound on one image pull. */
    public static final Duration PULL_TIMEOUT = Duration.ofMinutes(10);

    private final String dockerHost;
    private volatile PullPolicy pullPolicy = PullPolicy.MISSING;
    /** The registry's reason for the last failed pull of each image (cleared by a successful pull). */
    private final java.util.concurrent.ConcurrentHashMap<String, String> pullFailures = new java.util.concurrent.ConcurrentHashMap<>();
    private final DockerClient client;
    private final DockerClient streamClient;

    /** {@code DOCKER_HOST} from the environment, or {@value #DEFAULT_DOCKER_HOST}. */
    public static DockerContainerRuntime fromEnvironment() {
        String host = System.getenv("DOCKER_HOST");
        return new DockerContainerRuntime(host == null || host.isBlank() ? DEFAULT_DOCKER_HOST : host);
    }

    /** @param dockerHost e.g. {@code unix:///var/run/docker.sock} or {@code tcp://127.0.0.1:2375} */
    public DockerContainerRuntime(String dockerHost) {
        this(dockerHost, DEFAULT_API_VERSION, DEFAULT_CONNECT_TIMEOUT, DEFAULT_RESPONSE_TIMEOUT);
    }

    public DockerContainerRuntime(String dockerHost, String apiVersion, Duration connectTimeout,
                                  Duration responseTimeout) {
        this.dockerHost = dockerHost == null || dockerHost.isBlank() ? DEFAULT_DOCKER_HOST : dockerHost;
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(this.dockerHost)
                .withDockerTlsVerify(false)
                .withApiVersion(apiVersion)
                .build();
        this.client = DockerClientImpl.getInstance(config, http(config, connectTimeout, responseTimeout, 32));
        // events are a long-lived stream: no response (read) timeout
        this.streamClient = DockerClientImpl.getInstance(config, http(config, connectTimeout, null, 8));
    }

    private static DockerHttpClient http(DockerClientConfig config, Duration connectTimeout,
                                         Duration responseTimeout, int maxConnections) {
        ZerodepDockerHttpClient.Builder builder = new ZerodepDockerHttpClient.Builder()
                .dockerHost(URI.create(config.getDockerHost().toString()))
                .sslConfig(config.getSSLConfig())
                .maxConnections(maxConnections)
                .connectionTimeout(connectTimeout);
        if (responseTimeout != null) {
            builder.responseTimeout(responseTimeout);
        }
        return builder.build();
    }

    public String dockerHost() {
        return dockerHost;
    }

    /** {@link PullPolicy#MISSING} unless set. */
    public DockerContainerRuntime withPullPolicy(PullPolicy policy) {
        this.pullPolicy = policy;
        return this;
    }

    @Override
    public PullPolicy pullPolicy() {
        return pullPolicy;
    }

    @Override
    public boolean ping() {
        try {
            client.pingCmd().exec();
            return true;
        } catch (RuntimeException | Error e) {
            return false;
        }
    }

    @Override
    public boolean hasImage(String image) {
        try {
            client.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        } catch (RuntimeException e) {
            throw failure("inspect image " + image, null, e);
        }
    }

    @Override
    public ContainerHandle ensureRunning(ContainerSpec spec) {
        return ensureRunning(spec, message -> { });
    }

    @Override
    public ContainerHandle ensureRunning(ContainerSpec spec, java.util.function.Consumer<String> progress) {
        String name = spec.name();
        boolean created = false;
        InspectContainerResponse info = inspectOrNull(name);
        if (info == null) {
            boolean present = hasImage(spec.image());
            if (pullPolicy == PullPolicy.ALWAYS || (!present && pullPolicy == PullPolicy.MISSING)) {
                pull(spec.image(), progress);
            } else if (!present) {
                throw new ContainerRuntimeException("image " + spec.image() + " is not present on the host and the pull "
                        + "policy is never; cannot create container " + name);
            }
            ensureVolume(spec);
            ensureNetwork(spec);
            try {
                String id = createCmd(spec).exec().getId();
                created = true;
                info = inspectOrNull(id);
            } catch (ConflictException e) {
                // another caller created it concurrently: take theirs
                info = inspectOrNull(name);
                if (info == null) {
                    throw failure("create", name, e);
                }
            } catch (NotFoundException e) {
                throw new ContainerRuntimeException(
                        "image " + spec.image() + " is not present on the host; cannot create container " + name, e);
            } catch (RuntimeException e) {
                throw failure("create", name, e);
            }
            if (info == null) {
                throw new ContainerRuntimeException("docker create: container " + name + " vanished right after creation");
            }
        }
        String id = info.getId();
        InspectContainerResponse.ContainerState state = info.getState();
        try {
            if (state != null && Boolean.TRUE.equals(state.getPaused())) {
                client.unpauseContainerCmd(id).exec();
            } else if (state == null || !Boolean.TRUE.equals(state.getRunning())) {
                client.startContainerCmd(id).exec();
            }
        } catch (NotModifiedException e) {
            // already running
        } catch (RuntimeException e) {
            throw failure("start", name, e);
        }
        return new ContainerHandle(id, name, created);
    }

    /**
     * Pulls the image from its registry, waiting up to {@link #PULL_TIMEOUT}; fails with the
     * registry's own reason (unreachable, no such image, unauthorized).
     */
    public void pull(String image) {
        pull(image, message -> { });
    }

    /** As {@link #pull(String)}, reporting the pull's progress to {@code progress}. */
    public void pull(String image, java.util.function.Consumer<String> progress) {
        try {
            pullOnce(image, progress);
            pullFailures.remove(image);
        } catch (ContainerRuntimeException e) {
            pullFailures.put(image, e.getMessage());
            throw e;
        }
    }

    @Override
    public String lastPullFailure(String image) {
        return pullFailures.get(image);
    }

    private void pullOnce(String image, java.util.function.Consumer<String> progress) {
        PullProgress tracker = new PullProgress(image, progress);
        tracker.started();
        try {
            var callback = client.pullImageCmd(image).exec(new com.github.dockerjava.api.command.PullImageResultCallback() {
                @Override
                public void onNext(com.github.dockerjava.api.model.PullResponseItem item) {
                    super.onNext(item);
                    tracker.on(item);
                }
            });
            if (!callback.awaitCompletion(PULL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                callback.close();
                throw new ContainerRuntimeException("docker pull " + image + " did not finish within " + PULL_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerRuntimeException("docker pull " + image + " was interrupted", e);
        } catch (ContainerRuntimeException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw failure("pull " + image + " for", null, e);
        }
        if (!hasImage(image)) {
            throw new ContainerRuntimeException("docker pull " + image + " ended without the image on the host");
        }
        tracker.done();
    }

    /** Sums the layers of a pull into one line for people, at most about once a second. */
    static final class PullProgress {
        private final String image;
        private final java.util.function.Consumer<String> sink;
        private final Map<String, long[]> layers = new java.util.concurrent.ConcurrentHashMap<>();
        private final Set<String> complete = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private volatile long lastReport;

        PullProgress(String image, java.util.function.Consumer<String> sink) {
            this.image = image;
            this.sink = sink;
        }

        void started() {
            report("Pulling image " + image);
        }

        void on(com.github.dockerjava.api.model.PullResponseItem item) {
            String id = item.getId();
            String status = item.getStatus() == null ? "" : item.getStatus();
            if (id == null || id.equals(image) || status.startsWith("Pulling from")) {
                return;
            }
            layers.putIfAbsent(id, new long[2]);
            if (status.equals("Pull complete") || status.equals("Already exists")) {
                complete.add(id);
            }
            var detail = item.getProgressDetail();
            if (status.equals("Downloading") && detail != null && detail.getTotal() != null && detail.getCurrent() != null) {
                layers.put(id, new long[] {detail.getCurrent(), detail.getTotal()});
            }
            long now = System.nanoTime();
            if (now - lastReport > TimeUnit.SECONDS.toNanos(1)) {
                long current = layers.values().stream().mapToLong(l -> l[0]).sum();
                long total = layers.values().stream().mapToLong(l -> l[1]).sum();
                report("Pulling image " + image + ": " + complete.size() + " of " + layers.size() + " layers done"
                        + (total > 0 ? ", " + current / (1024 * 1024) + " of " + total / (1024 * 1024) + " MB downloaded" : ""));
            }
        }

        void done() {
            report("Pulled image " + image);
        }

        private void report(String message) {
            lastReport = System.nanoTime();
            try {
                sink.accept(message);
            } catch (RuntimeException e) {
                // progress is for people; a lost line changes nothing
            }
        }
    }

    @Override
    public void updateResources(String containerName, long memoryBytes, long nanoCpus) {
        try {
            var cmd = client.updateContainerCmd(containerName);
            if (memoryBytes > 0) {
                cmd.withMemory(memoryBytes).withMemorySwap(memoryBytes);
            }
            if (nanoCpus > 0) {
                cmd.withNanoCPUs(nanoCpus);
            }
            cmd.exec();
        } catch (RuntimeException e) {
            throw failure("update", containerName, e);
        }
    }

    /** The workload's own network, if it has one; a network still in use or already gone is left alone. */
    private void removeNetwork(String network) {
        try {
            client.removeNetworkCmd(network).exec();
        } catch (RuntimeException e) {
            // not found (no isolation, or gone already) or still in use: nothing to do
        }
    }

    private void ensureVolume(ContainerSpec spec) {
        if (spec.volumeName() == null || spec.volumeName().isBlank()) {
            return;
        }
        try {
            client.inspectVolumeCmd(spec.volumeName()).exec();
            return;
        } catch (NotFoundException e) {
            // create below
        } catch (RuntimeException e) {
            throw failure("inspect volume " + spec.volumeName() + " of", spec.name(), e);
        }
        try {
            client.createVolumeCmd()
                    .withName(spec.volumeName())
                    .withLabels(spec.labels() == null ? Map.of() : spec.labels())
                    .exec();
        } catch (RuntimeException e) {
            throw failure("create volume " + spec.volumeName() + " of", spec.name(), e);
        }
    }

    /** The workload's own bridge network, inter-container traffic off, created when missing. */
    private void ensureNetwork(ContainerSpec spec) {
        if (spec.isolation() == null || spec.isolation().network() == null) {
            return;
        }
        String network = spec.isolation().network();
        try {
            client.inspectNetworkCmd().withNetworkId(network).exec();
            return;
        } catch (NotFoundException e) {
            // create below
        } catch (RuntimeException e) {
            throw failure("inspect network " + network + " of", spec.name(), e);
        }
        try {
            client.createNetworkCmd().withName(network).withDriver("bridge").withCheckDuplicate(true)
                    .withOptions(Map.of("com.docker.network.bridge.enable_icc", "false"))
                    .withLabels(spec.labels() == null ? Map.of() : spec.labels())
                    .exec();
        } catch (ConflictException e) {
            // created by a racing call
        } catch (RuntimeException e) {
            throw failure("create network " + network + " of", spec.name(), e);
        }
    }

    private CreateContainerCmd createCmd(ContainerSpec spec) {
        HostConfig host = HostConfig.newHostConfig().withRestartPolicy(RestartPolicy.noRestart());
        ContainerSpec.Isolation isolation = spec.isolation();
        if (isolation != null) {
            if (isolation.network() != null) {
                host.withNetworkMode(isolation.network());
            }
            host.withCapDrop(com.github.dockerjava.api.model.Capability.ALL);
            if (isolation.capAdd() != null && !isolation.capAdd().isEmpty()) {
                host.withCapAdd(isolation.capAdd().stream().map(com.github.dockerjava.api.model.Capability::valueOf)
                        .toArray(com.github.dockerjava.api.model.Capability[]::new));
            }
            host.withSecurityOpts(List.of("no-new-privileges:true"));
            if (isolation.pidsLimit() > 0) {
                host.withPidsLimit(isolation.pidsLimit());
            }
        }
        CreateContainerCmd cmd = client.createContainerCmd(spec.image()).withName(spec.name());
        List<ExposedPort> exposedPorts = new ArrayList<>();
        List<PortBinding> bindings = new ArrayList<>();
        String ip = spec.hostIp() == null || spec.hostIp().isBlank() ? "0.0.0.0" : spec.hostIp();
        if (spec.containerPort() > 0) {
            ExposedPort exposed = ExposedPort.tcp(spec.containerPort());
            exposedPorts.add(exposed);
            if (spec.hostPort() > 0) {
                bindings.add(new PortBinding(Ports.Binding.bindIpAndPort(ip, spec.hostPort()), exposed));
            }
        }
        spec.morePorts().forEach((containerPort, hostPort) -> {
            ExposedPort exposed = ExposedPort.tcp(containerPort);
            exposedPorts.add(exposed);
            bindings.add(new PortBinding(hostPort > 0 ? Ports.Binding.bindIpAndPort(ip, hostPort) : Ports.Binding.bindIp(ip),
                    exposed));
        });
        if (!exposedPorts.isEmpty()) {
            cmd.withExposedPorts(exposedPorts);
        }
        if (!bindings.isEmpty()) {
            host.withPortBindings(bindings);
        }
        if (spec.gpuCount() > 0) {
            host.withDeviceRequests(List.of(new com.github.dockerjava.api.model.DeviceRequest().withDriver("nvidia")
                    .withCount(spec.gpuCount()).withCapabilities(List.of(List.of("gpu")))));
        }
        if (spec.memoryBytes() > 0) {
            host.withMemory(spec.memoryBytes());
        }
        if (spec.nanoCpus() > 0) {
            host.withNanoCPUs(spec.nanoCpus());
        }
        if (spec.volumeName() != null && !spec.volumeName().isBlank() && spec.volumePath() != null) {
            host.withBinds(new Bind(spec.volumeName(), new Volume(spec.volumePath())));
        }
        cmd.withHostConfig(host);
        if (spec.labels() != null && !spec.labels().isEmpty()) {
            cmd.withLabels(spec.labels());
        }
        if (spec.env() != null && !spec.env().isEmpty()) {
            List<String> env = new ArrayList<>();
            spec.env().forEach((k, v) -> env.add(k + "=" + (v == null ? "" : v)));
            cmd.withEnv(env);
        }
        if (spec.command() != null && !spec.command().isEmpty()) {
            cmd.withCmd(spec.command());
        }
        return cmd;
    }

    @Override
    public boolean start(String containerName) {
        try {
            client.startContainerCmd(containerName).exec();
            return true;
        } catch (NotModifiedException e) {
            return true; // already running
        } catch (NotFoundException e) {
            return false;
        } catch (RuntimeException e) {
            throw failure("start", containerName, e);
        }
    }

    @Override
    public void stop(String containerName) {
        try {
            client.stopContainerCmd(containerName).withTimeout(STOP_TIMEOUT_SECONDS).exec();
        } catch (NotFoundException | NotModifiedException e) {
            // missing or already stopped
        } catch (RuntimeException e) {
            throw failure("stop", containerName, e);
        }
    }

    /**
     * Force-removes the container together with its anonymous volumes (docker rm -f -v; named
     * volumes survive that), then the named {@code volumeName} if given, retrying for up to 10 s
     * while the engine still reports it in use.
     */
    @Override
    public void remove(String containerName, String volumeName) {
        try {
            client.removeContainerCmd(containerName).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
            // already gone
        } catch (ConflictException e) {
            // "removal already in progress": wait for it below
            waitUntilGone(containerName);
        } catch (RuntimeException e) {
            throw failure("remove", containerName, e);
        }
        removeNetwork(ContainerSpec.Isolation.networkOf(containerName));
        if (volumeName == null || volumeName.isBlank()) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                client.removeVolumeCmd(volumeName).exec();
                return;
            } catch (NotFoundException e) {
                return;
            } catch (ConflictException e) {
                // still in use (a removal finishing, or another container): retry briefly
                if (System.nanoTime() > deadline) {
                    throw failure("remove volume " + volumeName + " of", containerName, e);
                }
                sleep(200);
            } catch (RuntimeException e) {
                throw failure("remove volume " + volumeName + " of", containerName, e);
            }
        }
    }

    private void waitUntilGone(String containerName) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (inspectOrNull(containerName) != null) {
            if (System.nanoTime() > deadline) {
                throw new ContainerRuntimeException("docker remove: container " + containerName + " is still there after 10 s");
            }
            sleep(200);
        }
    }

    @Override
    public Optional<ContainerState> inspect(String containerName) {
        InspectContainerResponse info = inspectOrNull(containerName);
        if (info == null) {
            return Optional.empty();
        }
        InspectContainerResponse.ContainerState state = info.getState();
        boolean running = state != null && Boolean.TRUE.equals(state.getRunning());
        String status = state == null ? "unknown" : state.getStatus();
        Map<String, String> labels = info.getConfig() == null || info.getConfig().getLabels() == null
                ? Map.of() : Map.copyOf(info.getConfig().getLabels());
        return Optional.of(new ContainerState(info.getId(), stripSlash(info.getName()), running, status, labels));
    }

    @Override
    public List<ContainerState> list(Map<String, String> labels) {
        try {
            return client.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec().stream()
                    .map(c -> new ContainerState(c.getId(),
                            c.getNames() == null || c.getNames().length == 0 ? c.getId() : stripSlash(c.getNames()[0]),
                            "running".equals(c.getState()), c.getState(),
                            c.getLabels() == null ? Map.of() : Map.copyOf(c.getLabels())))
                    .toList();
        } catch (RuntimeException e) {
            throw failure("list containers labelled " + labels.keySet() + " of", null, e);
        }
    }

    @Override
    public Map<Integer, Integer> publishedPorts(String containerName) {
        InspectContainerResponse info = inspectOrNull(containerName);
        if (info == null || info.getNetworkSettings() == null || info.getNetworkSettings().getPorts() == null) {
            return Map.of();
        }
        Map<Integer, Integer> published = new java.util.TreeMap<>();
        info.getNetworkSettings().getPorts().getBindings().forEach((exposed, bindings) -> {
            if (bindings != null) {
                for (Ports.Binding b : bindings) {
                    if (b != null && b.getHostPortSpec() != null && !b.getHostPortSpec().isBlank()) {
                        published.putIfAbsent(exposed.getPort(), Integer.parseInt(b.getHostPortSpec()));
                    }
                }
            }
        });
        return published;
    }

    private volatile int hostCpus;

    @Override
    public int hostCpus() {
        if (hostCpus == 0) {
            try {
                Integer n = client.infoCmd().exec().getNCPU();
                hostCpus = n == null ? 0 : n;
            } catch (RuntimeException e) {
                return 0;
            }
        }
        return hostCpus;
    }

    /** The engine's runtimes include NVIDIA's (nvidia-container-toolkit), so device requests for GPUs can be met. */
    @Override
    public boolean hasNvidiaGpus() {
        try {
            var info = client.infoCmd().exec();
            Map<String, ?> runtimes = info.getRuntimes();
            return runtimes != null && runtimes.containsKey("nvidia");
        } catch (RuntimeException e) {
            return false;
        }
    }

    private InspectContainerResponse inspectOrNull(String containerName) {
        try {
            return client.inspectContainerCmd(containerName).exec();
        } catch (NotFoundException e) {
            return null;
        } catch (RuntimeException e) {
            throw failure("inspect", containerName, e);
        }
    }

    @Override
    public ExecResult exec(String containerName, String... command) {
        try {
            ExecCreateCmdResponse created = client.execCreateCmd(containerName)
                    .withAttachStdout(true)
                    .withAttachStderr(true)
                    .withCmd(command)
                    .exec();
            StringBuilder out = new StringBuilder();
            ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
                @Override
                public void onNext(Frame frame) {
                    if (frame.getPayload() != null) {
                        synchronized (out) {
                            out.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                        }
                    }
                }
            };
            try (ResultCallback.Adapter<Frame> cb = client.execStartCmd(created.getId()).exec(callback)) {
                if (!cb.awaitCompletion(EXEC_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new ContainerRuntimeException(
                            "docker exec in container " + containerName + " did not finish within " + EXEC_TIMEOUT);
                }
            }
            InspectExecResponse done = client.inspectExecCmd(created.getId()).exec();
            Long exit = done.getExitCodeLong();
            synchronized (out) {
                return new ExecResult(exit == null ? -1 : exit.intValue(), out.toString());
            }
        } catch (ContainerRuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerRuntimeException("docker exec in container " + containerName + " was interrupted", e);
        } catch (IOException | RuntimeException e) {
            throw failure("exec", containerName, e);
        }
    }

    @Override
    public List<String> logs(String containerName, int tail, Instant since, int maxBytes, Duration timeout) {
        StringBuilder out = new StringBuilder();
        AtomicBoolean truncated = new AtomicBoolean();
        var cmd = client.logContainerCmd(containerName).withStdOut(true).withStdErr(true).withTimestamps(true)
                .withFollowStream(false).withTail(Math.max(0, tail));
        if (since != null) {
            cmd.withSince((int) Math.max(0, Math.min(Integer.MAX_VALUE, since.getEpochSecond())));
        }
        ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                if (frame.getPayload() == null) {
                    return;
                }
                synchronized (out) {
                    if (out.length() + frame.getPayload().length > maxBytes) {
                        truncated.set(true);
                        return;
                    }
                    out.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                }
            }
        };
        try (ResultCallback.Adapter<Frame> cb = cmd.exec(callback)) {
            if (!cb.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ContainerRuntimeException("docker logs of container " + containerName
                        + " did not finish within " + timeout);
            }
        } catch (NotFoundException e) {
            return List.of();
        } catch (ContainerRuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerRuntimeException("docker logs of container " + containerName + " was interrupted", e);
        } catch (IOException | RuntimeException e) {
            if (e.getCause() instanceof NotFoundException) {
                return List.of();
            }
            throw failure("logs", containerName, e);
        }
        List<String> lines = new ArrayList<>();
        synchronized (out) {
            for (String line : out.toString().split("\n")) {
                String trimmed = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
                if (!trimmed.isEmpty()) {
                    lines.add(trimmed);
                }
            }
        }
        return lines;
    }

    @Override
    public Optional<ContainerUsage> usage(String containerName, Duration timeout) {
        InspectContainerResponse info = inspectOrNull(containerName);
        if (info == null) {
            return Optional.empty();
        }
        String status = info.getState() == null ? "unknown" : info.getState().getStatus();
        if (info.getState() == null || !Boolean.TRUE.equals(info.getState().getRunning())) {
            return Optional.of(new ContainerUsage(info.getId(), status, 0, 0));
        }
        AtomicReference<com.github.dockerjava.api.model.Statistics> sample = new AtomicReference<>();
        ResultCallback.Adapter<com.github.dockerjava.api.model.Statistics> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(com.github.dockerjava.api.model.Statistics statistics) {
                sample.compareAndSet(null, statistics);
            }
        };
        try (ResultCallback.Adapter<com.github.dockerjava.api.model.Statistics> cb =
                     client.statsCmd(info.getId()).withNoStream(true).exec(callback)) {
            if (!cb.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS) && sample.get() == null) {
                throw new ContainerRuntimeException("docker stats of container " + containerName
                        + " did not answer within " + timeout);
            }
        } catch (ContainerRuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerRuntimeException("docker stats of container " + containerName + " was interrupted", e);
        } catch (IOException | RuntimeException e) {
            throw failure("stats", containerName, e);
        }
        com.github.dockerjava.api.model.Statistics stats = sample.get();
        if (stats == null) {
            return Optional.of(new ContainerUsage(info.getId(), status, 0, 0));
        }
        return Optional.of(new ContainerUsage(info.getId(), status, cpuPercent(stats), memoryBytes(stats)));
    }

    /** As docker stats computes it: the container's share of the host's CPU time between two samples, times the CPUs. */
    static double cpuPercent(com.github.dockerjava.api.model.Statistics stats) {
        var cpu = stats.getCpuStats();
        var pre = stats.getPreCpuStats();
        if (cpu == null || pre == null || cpu.getCpuUsage() == null || pre.getCpuUsage() == null
                || cpu.getCpuUsage().getTotalUsage() == null || pre.getCpuUsage().getTotalUsage() == null
                || cpu.getSystemCpuUsage() == null || pre.getSystemCpuUsage() == null) {
            return 0;
        }
        double cpuDelta = cpu.getCpuUsage().getTotalUsage() - pre.getCpuUsage().getTotalUsage();
        double systemDelta = cpu.getSystemCpuUsage() - pre.getSystemCpuUsage();
        long cpus = cpu.getOnlineCpus() != null ? cpu.getOnlineCpus()
                : cpu.getCpuUsage().getPercpuUsage() != null ? cpu.getCpuUsage().getPercpuUsage().size() : 1;
        if (cpuDelta <= 0 || systemDelta <= 0) {
            return 0;
        }
        return Math.round(cpuDelta / systemDelta * cpus * 100.0 * 100.0) / 100.0;
    }

    /** As docker stats shows it: usage without the inactive page cache (cgroup v2, or v1's total_inactive_file). */
    static long memoryBytes(com.github.dockerjava.api.model.Statistics stats) {
        var memory = stats.getMemoryStats();
        if (memory == null || memory.getUsage() == null) {
            return 0;
        }
        long usage = memory.getUsage();
        var detail = memory.getStats();
        if (detail != null) {
            Long inactive = detail.getTotalInactiveFile() != null ? detail.getTotalInactiveFile() : detail.getInactiveFile();
            if (inactive != null && inactive < usage) {
                usage -= inactive;
            }
        }
        return usage;
    }

    private volatile String engineId;

    @Override
    public String engineId() {
        String id = engineId;
        if (id == null) {
            try {
                id = client.infoCmd().exec().getId();
            } catch (RuntimeException e) {
                throw failure("info", null, e);
            }
            engineId = id;
        }
        return id;
    }

    /**
     * Streams container events until the handle is closed. If the stream breaks (engine restart),
     * it is reopened after a second from the time of the last event seen, so events are delivered
     * at least once; events already delivered are skipped. The listener is called from a
     * docker-java thread, one event at a time; its exceptions are logged and swallowed.
     */
    @Override
    public AutoCloseable watch(Consumer<ContainerEvent> listener) {
        Watch watch = new Watch(listener);
        watch.open(null);
        return watch;
    }

    private final class Watch implements AutoCloseable {
        private final Consumer<ContainerEvent> listener;
        private final AtomicBoolean closed = new AtomicBoolean();
        private final AtomicReference<Closeable> current = new AtomicReference<>();
        private volatile long lastTimeNano;
        private volatile String lastKey = "";

        Watch(Consumer<ContainerEvent> listener) {
            this.listener = listener;
        }

        void open(String since) {
            if (closed.get()) {
                return;
            }
            var cmd = streamClient.eventsCmd()
                    .withEventTypeFilter(EventType.CONTAINER)
                    .withLabelFilter(Labels.INSTANCE_ID)
                    .withEventFilter(WATCHED_ACTIONS);
            if (since != null) {
                cmd.withSince(since);
            }
            ResultCallback.Adapter<Event> cb = new ResultCallback.Adapter<>() {
                @Override
                public void onNext(Event event) {
                    deliver(event);
                }

                @Override
                public void onError(Throwable throwable) {
                    super.onError(throwable);
                    reopenLater();
                }

                @Override
                public void onComplete() {
                    super.onComplete();
                    reopenLater();
                }
            };
            try {
                current.set(cmd.exec(cb));
            } catch (RuntimeException e) {
                if (since == null) {
                    throw failure("events", null, e);
                }
                reopenLater();
            }
            if (closed.get()) {
                closeQuietly(current.get());
            }
        }

        private void deliver(Event event) {
            if (closed.get()) {
                return;
            }
            long nano = event.getTimeNano() != null ? event.getTimeNano()
                    : event.getTime() != null ? TimeUnit.SECONDS.toNanos(event.getTime()) : 0L;
            String key = event.getId() + "/" + event.getAction();
            if (nano < lastTimeNano || (nano == lastTimeNano && key.equals(lastKey))) {
                return; // replayed after a reconnect
            }
            lastTimeNano = nano;
            lastKey = key;
            Map<String, String> attributes = event.getActor() == null || event.getActor().getAttributes() == null
                    ? Map.of() : event.getActor().getAttributes();
            Map<String, String> labels = new HashMap<>(attributes);
            labels.keySet().removeAll(NON_LABEL_ATTRIBUTES);
            String id = event.getId() != null ? event.getId()
                    : event.getActor() == null ? null : event.getActor().getId();
            ContainerEvent mapped = new ContainerEvent(id, attributes.get("name"), event.getAction(),
                    Map.copyOf(labels), Instant.EPOCH.plusNanos(nano));
            try {
                listener.accept(mapped);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "container event listener failed on " + mapped.action() + " of "
                        + mapped.containerName(), e);
            }
        }

        private void reopenLater() {
            if (closed.get()) {
                return;
            }
            Thread t = new Thread(() -> {
                sleep(1000);
                long sinceSeconds = lastTimeNano == 0 ? Instant.now().getEpochSecond() - 1
                        : TimeUnit.NANOSECONDS.toSeconds(lastTimeNano);
                open(Long.toString(sinceSeconds));
            }, "docker-events-reconnect");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                closeQuietly(current.get());
            }
        }
    }

    /** Releases both HTTP clients. */
    @Override
    public void close() {
        closeQuietly(client);
        closeQuietly(streamClient);
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException | RuntimeException e) {
            // nothing to do
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String stripSlash(String name) {
        return name != null && name.startsWith("/") ? name.substring(1) : name;
    }

    private ContainerRuntimeException failure(String operation, String containerName, Throwable cause) {
        String target = containerName == null ? "" : " container " + containerName;
        // the daemon's message (e.g. "port is already allocated"), never the spec's env
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage().strip();
        return new ContainerRuntimeException("docker " + operation + target + " failed (" + dockerHost + "): " + detail,
                cause);
    }
}
