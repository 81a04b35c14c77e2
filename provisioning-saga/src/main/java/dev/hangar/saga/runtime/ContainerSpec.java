package dev.hangar.saga.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What to run. {@code hostPort} is published on {@code hostIp} (0.0.0.0 for all interfaces) to
 * {@code containerPort}; {@code volumeName} is mounted at {@code volumePath}. {@code command} may be
 * empty (the image's default). {@code memoryBytes}/{@code nanoCpus} of 0 mean no limit. {@code morePorts}:
 * further container ports published on host ports (a service may publish several).
 */
public record ContainerSpec(String name, String image, Map<String, String> env, List<String> command,
                            Map<String, String> labels, int containerPort, String hostIp, int hostPort,
                            String volumeName, String volumePath, long memoryBytes, long nanoCpus,
                            Isolation isolation, Map<Integer, Integer> morePorts, int gpuCount) {

    /** {@code morePorts}: further container ports to host ports; host port 0 lets the engine choose. */
    public ContainerSpec {
        morePorts = morePorts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(morePorts));
    }

    public ContainerSpec(String name, String image, Map<String, String> env, List<String> command,
                         Map<String, String> labels, int containerPort, String hostIp, int hostPort,
                         String volumeName, String volumePath, long memoryBytes, long nanoCpus, Isolation isolation) {
        this(name, image, env, command, labels, containerPort, hostIp, hostPort, volumeName, volumePath, memoryBytes,
                nanoCpus, isolation, Map.of(), 0);
    }

    /**
     * How a tenant's container is fenced in (issue 14). {@code network}: a bridge network of its own,
     * created with inter-container traffic off, so it reaches no other tenant's container; {@code null}
     * for Docker's default bridge. {@code capAdd}: the only capabilities kept (all others dropped), with
     * {@code no-new-privileges}; {@code pidsLimit} 0 for none.
     */
    public record Isolation(String network, List<String> capAdd, long pidsLimit) {

        /** What the workspace image's SSH server needs besides: privilege separation, audit, signals. */
        public static final List<String> WORKSPACE_CAPABILITIES = List.of("CHOWN", "SETUID", "SETGID", "DAC_OVERRIDE",
                "FOWNER", "SYS_CHROOT", "AUDIT_WRITE", "KILL", "NET_BIND_SERVICE");

        /** What the engine images' entrypoints need to take their data directory and drop to their user, measured. */
        public static final List<String> ENGINE_CAPABILITIES = List.of("CHOWN", "SETUID", "SETGID", "DAC_OVERRIDE",
                "FOWNER");

        /** A service's container: the engine images' capabilities, and binding ports below 1024 (an HTTP server). */
        public static final List<String> SERVICE_CAPABILITIES = Stream.concat(ENGINE_CAPABILITIES.stream(),
                Stream.of("NET_BIND_SERVICE")).toList();

        /**
         * The plan's pids limit: one process per MiB of the plan's memory, at least 256 (PostgreSQL forks a
         * process per connection) and at most 4096; 1024 for a plan without a memory limit.
         */
        public static long pidsLimit(long memoryBytes) {
            if (memoryBytes <= 0) {
                return 1024;
            }
            return Math.max(256, Math.min(4096, memoryBytes / (1024 * 1024)));
        }

        public static Isolation ownNetwork(String containerName, long pidsLimit) {
            return new Isolation(networkOf(containerName), ENGINE_CAPABILITIES, pidsLimit);
        }

        /** The network a workload's container gets to itself. */
        public static String networkOf(String containerName) {
            return containerName + "-net";
        }
    }

    /** Without isolation: Docker's defaults, as before issue 14. */
    public ContainerSpec(String name, String image, Map<String, String> env, List<String> command,
                         Map<String, String> labels, int containerPort, String hostIp, int hostPort,
                         String volumeName, String volumePath, long memoryBytes, long nanoCpus) {
        this(name, image, env, command, labels, containerPort, hostIp, hostPort, volumeName, volumePath, memoryBytes,
                nanoCpus, null);
    }

    public ContainerSpec withNanoCpus(long cpus) {
        return new ContainerSpec(name, image, env, command, labels, containerPort, hostIp, hostPort, volumeName,
                volumePath, memoryBytes, cpus, isolation, morePorts, gpuCount);
    }

    public ContainerSpec withIsolation(Isolation newIsolation) {
        return new ContainerSpec(name, image, env, command, labels, containerPort, hostIp, hostPort, volumeName,
                volumePath, memoryBytes, nanoCpus, newIsolation, morePorts, gpuCount);
    }

    /**
     * Also publishes {@code ports} (container ports) on {@code hostIp}, each on a host port the engine
     * chooses ({@link ContainerRuntime#publishedPorts} tells which), and asks the engine for
     * {@code gpus} NVIDIA GPUs (0: none).
     */
    public ContainerSpec withMorePorts(List<Integer> ports, int gpus) {
        Map<Integer, Integer> chosenByEngine = new LinkedHashMap<>();
        ports.forEach(port -> chosenByEngine.put(port, 0));
        return new ContainerSpec(name, image, env, command, labels, containerPort, hostIp, hostPort, volumeName,
                volumePath, memoryBytes, nanoCpus, isolation, chosenByEngine, gpus);
    }

    /** Further container ports published on the given host ports ({@code hostIp} as the first). */
    public ContainerSpec withMorePorts(Map<Integer, Integer> containerToHost) {
        return new ContainerSpec(name, image, env, command, labels, containerPort, hostIp, hostPort, volumeName,
                volumePath, memoryBytes, nanoCpus, isolation, containerToHost, gpuCount);
    }

    @Override
    public String toString() {
        // env and command carry credentials: never print them
        return "ContainerSpec[name=" + name + ", image=" + image + ", hostPort=" + hostPort + "]";
    }
}
