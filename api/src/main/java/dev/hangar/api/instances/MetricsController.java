package dev.hangar.api.instances;

import dev.hangar.api.config.JobSteps;
import dev.hangar.api.config.ProcessMetrics;
import dev.hangar.api.config.RecentRates;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.Search;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed 004's application metrics (admin only, see {@link InstancesSurface}), computed from
 * Micrometer's registry, the same meters {@code /actuator/prometheus} exposes:
 * <ul>
 * <li>requests: {@code http.server.requests} (count by status class since start-up; the rate over
 *     the last minute, per minute);</li>
 * <li>jobs: {@code hangar.jobs.processed} by {@code type} (saga steps, deadlines come due, ...);</li>
 * <li>system: {@code jvm.memory.*}, {@code jvm.buffer.memory.used}, {@code process.memory.rss},
 *     {@code process.cpu.usage}, {@code system.load.average.*}, {@code process.uptime};</li>
 * <li>cache: {@code cache.gets} (hits over hits and misses) and {@code cache.size} of every cache.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/metrics")
@Tag(name = "Instances: metrics")
class MetricsController {

    private static final double MB = 1024 * 1024;

    private final MeterRegistry meters;
    private final RecentRates rates;

    MetricsController(MeterRegistry meters, RecentRates rates) {
        this.meters = meters;
        this.rates = rates;
    }

    @GetMapping
    Map<String, Object> metrics() {
        RecentRates.Rates recent = rates.lastMinute();

        Map<String, Long> byStatus = new TreeMap<>();
        long requests = 0;
        for (Timer timer : meters.find("http.server.requests").timers()) {
            String status = timer.getId().getTag("status");
            String bucket = status != null && status.length() == 3 ? status.charAt(0) + "xx" : "other";
            byStatus.merge(bucket, timer.count(), Long::sum);
            requests += timer.count();
        }
        for (String bucket : List.of("2xx", "4xx", "5xx")) {
            byStatus.putIfAbsent(bucket, 0L);
        }
        Map<String, Object> requestFigures = new LinkedHashMap<>();
        requestFigures.put("total", ordered("count", requests, "rate", round(recent.requestsPerMinute())));
        requestFigures.put("byStatus", byStatus);
        requestFigures.put("averageResponseTimeMs", round(recent.averageResponseMs()));

        Map<String, Long> byType = new TreeMap<>();
        for (Counter counter : meters.find(JobSteps.METER).counters()) {
            byType.merge(String.valueOf(counter.getId().getTag("type")), (long) counter.count(), Long::sum);
        }
        Map<String, Object> jobs = new LinkedHashMap<>();
        jobs.put("total", ordered("processed", byType.values().stream().mapToLong(Long::longValue).sum(),
                "rate", round(recent.jobsPerMinute())));
        jobs.put("byType", byType);

        Map<String, Object> memory = new LinkedHashMap<>();
        memory.put("heapUsed", (long) sum(gauges("jvm.memory.used").tag("area", "heap")));
        memory.put("heapTotal", (long) sum(gauges("jvm.memory.committed").tag("area", "heap")));
        memory.put("external", (long) external());
        memory.put("rss", (long) gauge(ProcessMetrics.RSS));
        Map<String, Object> system = new LinkedHashMap<>();
        system.put("memory", memory);
        system.put("cpu", ordered("usage", cpuPercent(), "loadAverage", List.of(round(gauge("system.load.average.1m")),
                round(gauge(ProcessMetrics.LOAD_5M)), round(gauge(ProcessMetrics.LOAD_15M)))));
        system.put("uptime", (long) uptimeSeconds());

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("requests", requestFigures);
        data.put("jobs", jobs);
        data.put("system", system);
        data.put("cache", ordered("hitRatio", round(cacheHitRatio()), "totalSize", (long) cacheSize()));
        return envelope(data);
    }

    @GetMapping("/summary")
    Map<String, Object> summary() {
        RecentRates.Rates recent = rates.lastMinute();
        Map<String, Object> performance = new LinkedHashMap<>();
        performance.put("requestsPerMinute", round(recent.requestsPerMinute()));
        performance.put("averageResponseTimeMs", round(recent.averageResponseMs()));
        performance.put("errorRatePercent", round(100 * recent.errorRate()));
        Map<String, Object> system = new LinkedHashMap<>();
        system.put("memoryUsageMB", Math.round(sum(gauges("jvm.memory.used").tag("area", "heap")) / MB));
        system.put("cpuUsagePercent", cpuPercent());
        system.put("uptimeSeconds", (long) uptimeSeconds());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("performance", performance);
        data.put("jobs", Map.of("processingRatePerMinute", round(recent.jobsPerMinute())));
        data.put("system", system);
        data.put("cache", ordered("hitRatePercent", Math.round(100 * cacheHitRatio()), "totalSize", (long) cacheSize()));
        return envelope(data);
    }

    private static Map<String, Object> envelope(Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "success");
        body.put("timestamp", Instant.now().toString());
        body.put("data", data);
        return body;
    }

    /** Metaspace, code cache and the other non-heap pools, and direct and mapped buffers. */
    private double external() {
        return sum(gauges("jvm.memory.used").tag("area", "nonheap")) + sum(gauges("jvm.buffer.memory.used"));
    }

    private double cpuPercent() {
        double usage = gauge("process.cpu.usage");
        return Double.isNaN(usage) || usage < 0 ? 0 : round(100 * usage);
    }

    private double uptimeSeconds() {
        TimeGauge uptime = meters.find("process.uptime").timeGauge();
        return uptime == null ? 0 : uptime.value(TimeUnit.SECONDS);
    }

    /** Hits over hits and misses, every cache together (Micrometer's cache.gets); 0 before the first look-up. */
    private double cacheHitRatio() {
        double hits = sum(meters.find("cache.gets").tag("result", "hit"));
        double misses = sum(meters.find("cache.gets").tag("result", "miss"));
        return hits + misses == 0 ? 0 : hits / (hits + misses);
    }

    private double cacheSize() {
        return sum(gauges("cache.size"));
    }

    private Search gauges(String name) {
        return meters.find(name);
    }

    private double gauge(String name) {
        Gauge gauge = meters.find(name).gauge();
        double value = gauge == null ? Double.NaN : gauge.value();
        return Double.isNaN(value) ? 0 : value;
    }

    /** The sum of what the meters found measure: gauges' values, counters' counts (any kind of either). */
    private static double sum(Search search) {
        double total = 0;
        for (Meter meter : search.meters()) {
            double value = meter instanceof Gauge g ? g.value()
                    : meter instanceof Counter c ? c.count()
                    : meter instanceof FunctionCounter f ? f.count()
                    : Double.NaN;
            if (!Double.isNaN(value)) {
                total += value;
            }
        }
        return total;
    }

    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(k1, v1);
        out.put(k2, v2);
        return out;
    }

    private static double round(double value) {
        return Double.isNaN(value) ? 0 : Math.round(value * 100) / 100.0;
    }
}
