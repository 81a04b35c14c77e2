package dev.hangar.kernel.instance;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What compute instances can be: regions (each mapped to a container host), instance types (seed 001:
 * CPUs and memory), GPU products (seed 004: GPU model and memory, CPUs, memory) and templates (an image
 * and its ports). Bound from {@code hangar.instances.catalog} (an embedded default, extended or replaced
 * by an operator's file). Look-ups ignore case; map keys are free, the shown names are the entries'.
 *
 * @param requireGpus     refuse a GPU product on a host without NVIDIA GPUs (else it runs without, and says so)
 * @param initialReadyEstimate the create-to-running time assumed for a template none of whose instances ran yet
 */
public record InstanceCatalog(String defaultRegion, Map<String, Region> regions, Map<String, Size> instanceTypes,
                              Map<String, GpuProduct> products, Map<String, Template> templates, String defaultTemplate,
                              boolean requireGpus, Duration initialReadyEstimate) {

    /** {@code host}: the container host's name ({@code local}: the engine Hangar talks to). */
    public record Region(String code, String host) {
    }

    public record Size(String name, double cpus, int memoryMb) {
    }

    public record GpuProduct(String name, String gpuModel, int gpuMemoryGb, double cpus, int memoryMb) {
    }

    /** {@code autoStopMinutes}: the inactivity threshold of its instances (null: the default). */
    public record Template(String name, String image, List<InstancePort> ports, Double autoStopMinutes) {
    }

    public InstanceCatalog {
        regions = regions == null ? Map.of() : Map.copyOf(regions);
        instanceTypes = instanceTypes == null ? Map.of() : Map.copyOf(instanceTypes);
        products = products == null ? Map.of() : Map.copyOf(products);
        templates = templates == null ? Map.of() : Map.copyOf(templates);
        initialReadyEstimate = initialReadyEstimate == null ? Duration.ofSeconds(30) : initialReadyEstimate;
    }

    public Optional<Region> region(String code) {
        return find(regions, code, Region::code);
    }

    public Optional<Size> instanceType(String name) {
        return find(instanceTypes, name, Size::name);
    }

    public Optional<GpuProduct> product(String name) {
        return find(products, name, GpuProduct::name);
    }

    /** The template's key (its id) and the template. */
    public Optional<Map.Entry<String, Template>> template(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return templates.entrySet().stream().filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(wanted)
                || (e.getValue().name() != null && e.getValue().name().toLowerCase(Locale.ROOT).equals(wanted)))
                .findFirst();
    }

    private static <T> Optional<T> find(Map<String, T> entries, String wanted, java.util.function.Function<T, String> name) {
        if (wanted == null) {
            return Optional.empty();
        }
        String w = wanted.trim().toLowerCase(Locale.ROOT);
        return entries.entrySet().stream().filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(w)
                || (name.apply(e.getValue()) != null && name.apply(e.getValue()).toLowerCase(Locale.ROOT).equals(w)))
                .map(Map.Entry::getValue).findFirst();
    }
}
