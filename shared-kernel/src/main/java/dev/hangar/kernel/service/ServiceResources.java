package dev.hangar.kernel.service;

/** {@code cpu} in MHz (1000 = one CPU), {@code memory} and {@code disk} in MiB; 0 for no limit. */
public record ServiceResources(int cpu, int memory, int disk) {
}
