package dev.hangar.api.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/**
 * What Micrometer's JVM and system binders leave out and the operators' figures need, read from
 * {@code /proc} (NaN elsewhere): the process's resident set ({@value #RSS}, bytes) and the 5- and
 * 15-minute load averages (next to Micrometer's own {@code system.load.average.1m}).
 */
@Component
public class ProcessMetrics implements MeterBinder {

    public static final String RSS = "process.memory.rss";
    public static final String LOAD_5M = "system.load.average.5m";
    public static final String LOAD_15M = "system.load.average.15m";

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(RSS, ProcessMetrics::residentSetBytes).baseUnit(BaseUnits.BYTES)
                .description("The process's resident set (VmRSS)").register(registry);
        Gauge.builder(LOAD_5M, () -> loadAverage(1)).description("The system load average over 5 minutes").register(registry);
        Gauge.builder(LOAD_15M, () -> loadAverage(2)).description("The system load average over 15 minutes").register(registry);
    }

    /** VmRSS from /proc/self/status, in bytes; NaN where there is no /proc. */
    public static double residentSetBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return Double.NaN;
    }

    private static double loadAverage(int field) {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[field]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
