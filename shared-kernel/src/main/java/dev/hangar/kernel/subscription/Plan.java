package dev.hangar.kernel.subscription;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The plan catalog of the Databases surface (seed 003). */
public enum Plan {
    FREE(1, 2, new BigDecimal("0"), 256, 0.5, List.of("2 database instances", "Auto-generated database names", "Community support")),
    STANDARD(2, 5, new BigDecimal("19.99"), 512, 1.0, List.of("5 database instances", "Custom database names", "Email support",
            "Daily backups")),
    PREMIUM(3, 10, new BigDecimal("49.99"), 1024, 2.0, List.of("10 database instances", "All STANDARD features", "Priority support",
            "Hourly backups", "Advanced monitoring"));

    public static final String CURRENCY = "USD";

    private final int id;
    private final int maxInstances;
    private final BigDecimal price;
    private final List<String> features;
    private final int memoryMb;
    private final double cpus;

    Plan(int id, int maxInstances, BigDecimal price, int memoryMb, double cpus, List<String> features) {
        this.id = id;
        this.maxInstances = maxInstances;
        this.price = price;
        this.memoryMb = memoryMb;
        this.cpus = cpus;
        this.features = features;
    }

    /** The memory limit of each of the plan's database containers. */
    public long memoryBytes() { return memoryMb * 1024L * 1024L; }

    /** The CPU limit of each of the plan's database containers, in Docker's nano-CPUs. */
    public long nanoCpus() { return (long) (cpus * 1_000_000_000L); }

    public int id() { return id; }

    public int maxInstances() { return maxInstances; }

    public BigDecimal price() { return price; }

    public List<String> features() { return features; }

    public static Optional<Plan> byId(int id) {
        return Arrays.stream(values()).filter(p -> p.id == id).findFirst();
    }
}
