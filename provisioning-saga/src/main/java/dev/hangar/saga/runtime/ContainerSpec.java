package dev.hangar.saga.runtime;

import java.util.List;
import java.util.Map;

/**
 * What to run. {@code hostPort} is published on {@code hostIp} (0.0.0.0 for all interfaces) to
 * {@code containerPort}; {@code volumeName} is mounted at {@code volumePath}. {@code command} may be
 * empty (the image's default). {@code memoryBytes}/{@code nanoCpus} of 0 mean no limit.
 */
public record ContainerSpec(String name, String image, Map<String, String> env, List<String> command,
                            Map<String, String> labels, int containerPort, String hostIp, int hostPort,
                            String volumeName, String volumePath, long memoryBytes, long nanoCpus) {

    public ContainerSpec withNanoCpus(long cpus) {
        return new ContainerSpec(name, image, env, command, labels, containerPort, hostIp, hostPort, volumeName,
                volumePath, memoryBytes, cpus);
    }

    @Override
    public String toString() {
        // env and command carry credentials: never print them
        return "ContainerSpec[name=" + name + ", image=" + image + ", hostPort=" + hostPort + "]";
    }
}
