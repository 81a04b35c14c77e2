package dev.hangar.saga.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A container engine in memory, for the saga's and the drift watcher's unit tests: containers,
 * volumes and images by name, the engine's event stream, and the faults a test needs (an engine
 * that does not answer, a create that hangs, a container that dies). The real engine is tested
 * against {@link DockerContainerRuntime}.
 */
public class InMemoryContainerRuntime implements ContainerRuntime {

    /** One container: its spec as created, whether it runs, its resource limits now. */
    public static final class Container {
        public final String id;
        public final ContainerSpec spec;
        public volatile boolean running;
        public volatile String status = "created";
        public volatile long nanoCpus;

        Container(String id, ContainerSpec spec) {
            this.id = id;
            this.spec = spec;
            this.nanoCpus = spec.nanoCpus();
        }
    }

    private final Map<String, Container> containers = new ConcurrentHashMap<>();
    private final Set<String> volumes = ConcurrentHashMap.newKeySet();
    private final Set<String> images = ConcurrentHashMap.newKeySet();
    private final Set<String> pullable = ConcurrentHashMap.newKeySet();
    private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();
    private final List<Consumer<ContainerEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Map<Integer, Integer> published = new ConcurrentHashMap<>();
    private volatile boolean reachable = true;
    private volatile PullPolicy pullPolicy = PullPolicy.MISSING;

    public InMemoryContainerRuntime withImages(String... names) {
        images.addAll(List.of(names));
        return this;
    }

    /** Images a pull would find in a registry. */
    public InMemoryContainerRuntime withPullable(String... names) {
        pullable.addAll(List.of(names));
        return this;
    }

    /** Where a container port of every container that publishes it answers on this machine. */
    public InMemoryContainerRuntime withPublished(int containerPort, int hostPort) {
        published.put(containerPort, hostPort);
        return this;
    }

    /** A running container's extra ports: as set by {@link #withPublished}, else 40000 + the port. */
    @Override
    public Map<Integer, Integer> publishedPorts(String containerName) {
        Container c = containers.get(containerName);
        if (c == null || !c.running) {
            return Map.of();
        }
        Map<Integer, Integer> out = new java.util.TreeMap<>();
        c.spec.morePorts().forEach((port, hostPort) ->
                out.put(port, hostPort > 0 ? hostPort : published.getOrDefault(port, 40000 + port)));
        return out;
    }

    public InMemoryContainerRuntime withPullPolicy(PullPolicy policy) {
        this.pullPolicy = policy;
        return this;
    }

    /** While false, every operation fails as an unreachable engine does. */
    public void reachable(boolean value) {
        reachable = value;
    }

    /** Makes {@link #ensureRunning} of {@code containerName} wait until {@link #release} (a hanging engine). */
    public void hold(String containerName) {
        gates.put(containerName, new CountDownLatch(1));
    }

    public void release(String containerName) {
        CountDownLatch gate = gates.remove(containerName);
        if (gate != null) {
            gate.countDown();
        }
    }

    /** The container dies on its own, as a crash or an OOM kill would make it. */
    public void kill(String containerName) {
        Container c = containers.get(containerName);
        if (c != null) {
            c.running = false;
            c.status = "exited";
            emit(c, "die");
        }
    }

    public Optional<Container> container(String name) {
        return Optional.ofNullable(containers.get(name));
    }

    public boolean hasVolume(String name) {
        return volumes.contains(name);
    }

    public Optional<Container> containerOnPort(int hostPort) {
        return containers.values().stream().filter(c -> c.spec.hostPort() == hostPort).findFirst();
    }

    @Override
    public boolean ping() {
        return reachable;
    }

    @Override
    public PullPolicy pullPolicy() {
        return pullPolicy;
    }

    @Override
    public boolean hasImage(String image) {
        check();
        return images.contains(image);
    }

    @Override
    public ContainerHandle ensureRunning(ContainerSpec spec) {
        return ensureRunning(spec, message -> { });
    }

    /** A pull reports "Pulling image ..." and "Pulled image ...", as the real engine's first and last lines. */
    @Override
    public ContainerHandle ensureRunning(ContainerSpec spec, Consumer<String> progress) {
        check();
        CountDownLatch gate = gates.get(spec.name());
        if (gate != null) {
            try {
                gate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Container c = containers.get(spec.name());
        boolean created = false;
        if (c == null) {
            if (!images.contains(spec.image())) {
                if (pullPolicy == PullPolicy.NEVER) {
                    throw new ContainerRuntimeException("image " + spec.image() + " is not present on the host and the "
                            + "pull policy is never; cannot create container " + spec.name());
                }
                if (!pullable.contains(spec.image())) {
                    throw new ContainerRuntimeException("docker pull " + spec.image() + " failed: manifest unknown");
                }
                progress.accept("Pulling image " + spec.image());
                images.add(spec.image());
                progress.accept("Pulled image " + spec.image());
            }
            if (spec.volumeName() != null) {
                volumes.add(spec.volumeName());
            }
            c = new Container("id-" + spec.name(), spec);
            containers.put(spec.name(), c);
            created = true;
        }
        if (!c.running) {
            c.running = true;
            c.status = "running";
            emit(c, "start");
        }
        return new ContainerHandle(c.id, spec.name(), created);
    }

    @Override
    public void updateResources(String containerName, long memoryBytes, long nanoCpus) {
        check();
        Container c = containers.get(containerName);
        if (c == null) {
            throw new ContainerRuntimeException("no such container: " + containerName);
        }
        c.nanoCpus = nanoCpus;
    }

    @Override
    public boolean start(String containerName) {
        check();
        Container c = containers.get(containerName);
        if (c == null) {
            return false;
        }
        c.running = true;
        c.status = "running";
        emit(c, "start");
        return true;
    }

    @Override
    public void stop(String containerName) {
        check();
        Container c = containers.get(containerName);
        if (c != null && c.running) {
            c.running = false;
            c.status = "exited";
            emit(c, "stop");
            emit(c, "die");
        }
    }

    @Override
    public void remove(String containerName, String volumeName) {
        check();
        Container c = containers.remove(containerName);
        if (c != null) {
            emit(c, "destroy");
        }
        if (volumeName != null) {
            volumes.remove(volumeName);
        }
    }

    @Override
    public Optional<ContainerState> inspect(String containerName) {
        check();
        Container c = containers.get(containerName);
        return c == null ? Optional.empty()
                : Optional.of(new ContainerState(c.id, containerName, c.running, c.status, c.spec.labels()));
    }

    @Override
    public ExecResult exec(String containerName, String... command) {
        throw new UnsupportedOperationException("no processes run in memory");
    }

    @Override
    public AutoCloseable watch(Consumer<ContainerEvent> listener) {
        check();
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void emit(Container c, String action) {
        ContainerEvent event = new ContainerEvent(c.id, c.spec.name(), action, c.spec.labels(), Instant.now());
        listeners.forEach(l -> l.accept(event));
    }

    private void check() {
        if (!reachable) {
            throw new ContainerRuntimeException("docker: the engine does not answer (in-memory engine switched off)");
        }
    }
}
