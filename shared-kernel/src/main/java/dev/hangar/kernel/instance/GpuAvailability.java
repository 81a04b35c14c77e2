package dev.hangar.kernel.instance;

/**
 * Whether a container host can give containers NVIDIA GPUs. Implemented where the container runtime
 * lives; asked before anything is reserved.
 */
@FunctionalInterface
public interface GpuAvailability {

    boolean hasNvidiaGpus(String host);

    static GpuAvailability none() {
        return host -> false;
    }
}
