package dev.hangar.api.health;

import dev.hangar.api.config.HangarProperties;
import dev.hangar.api.config.ProcessMetrics;
import dev.hangar.api.config.RecentRates;
import dev.hangar.kernel.workload.FindProvisioningHealth;
import dev.hangar.kernel.workload.ProvisioningHealth;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.lang.management.BufferPoolMXBean;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The union of seeds 002 and 004's health answers, from Actuator's health indicators. Required
 * parts: the event store (db) and the read store (mongo); 503 when one is down. The other services
 * ({@code containerRuntime}, {@code jobQueue}, {@code cache}, {@code migrationService}, ...) are
 * reported {@code up}/{@code down} from their own checks. {@code provisioning}
 * shows the provisioning engine's queues and the saga events it could not handle.
 */
@RestController
@Tag(name = "Health")
class HealthController {

    /** Actuator component name, and the name each surface shows it under. */
    private static final Map<String, List<String>> SERVICES = Map.of(
            "db", List.of("eventStore"),
            "mongo", List.of("readStore"),
            "containerRuntime", List.of("containerRuntime", "novitaApi"),
            "kafka", List.of("messageBroker"),
            "paymentProvider", List.of("paymentProvider"),
            "jobQueue", List.of("jobQueue"),
            "cache", List.of("cache"),
            "migrationService", List.of("migrationService"));
    private static final List<String> REQUIRED = List.of("db", "mongo");

    private final HealthEndpoint health;
    private final HangarProperties properties;
    private final RecentRates rates;
    private final QueryGateway queries;
    private final Instant started = Instant.now();

    HealthController(HealthEndpoint health, HangarProperties properties, RecentRates rates,
                     QueryGateway queries) {
        this.health = health;
        this.properties = properties;
        this.rates = rates;
        this.queries = queries;
    }

    @GetMapping({"/health", "/api/v1/health"})
    ResponseEntity<Map<String, Object>> health() {
        Map<String, HealthComponent> components = health.health() instanceof CompositeHealth composite
                ? composite.getComponents() : Map.of();
        Map<String, Object> services = new LinkedHashMap<>();
        SERVICES.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            HealthComponent component = components.get(e.getKey());
            if (component != null) {
                // UNKNOWN: a part that is not configured (no payment provider), not one that is down
                String state = Status.UP.equals(component.getStatus()) ? "up"
                        : Status.UNKNOWN.equals(component.getStatus()) ? "disabled" : "down";
                e.getValue().forEach(name -> services.put(name, state));
            }
        });
        boolean healthy = REQUIRED.stream().allMatch(r -> components.get(r) != null
                && Status.UP.equals(components.get(r).getStatus()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", healthy ? "healthy" : "unhealthy");
        body.put("version", properties.version());
        body.put("timestamp", Instant.now().toString());
        long uptime = Duration.between(started, Instant.now()).toSeconds();
        body.put("uptime", uptime);
        body.put("services", services);
        body.put("performance", performance());
        body.put("system", system());
        body.put("provisioning", provisioning());
        return ResponseEntity.status(healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }

    /** Over the last minute (Micrometer's http.server.requests and job counters, as /api/metrics shows them). */
    private Map<String, Object> performance() {
        RecentRates.Rates recent = rates.lastMinute();
        Map<String, Object> performance = new LinkedHashMap<>();
        performance.put("requestsPerMinute", round(recent.requestsPerMinute()));
        performance.put("averageResponseTime", round(recent.averageResponseMs()));
        performance.put("errorRate", round(recent.errorRate()));
        // saga steps (events handled by the saga processors) and deadlines come due, per minute
        performance.put("jobProcessingRate", round(recent.jobsPerMinute()));
        return performance;
    }

    /** The provisioning engine on this node: running and queued operations, operations done, failures, poisoned events. */
    private Object provisioning() {
        try {
            ProvisioningHealth p = queries.query(new FindProvisioningHealth(), ProvisioningHealth.class)
                    .get(2, TimeUnit.SECONDS);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("running", p.running());
            out.put("queued", p.queued());
            out.put("operations", p.operations());
            out.put("recordedFailures", p.recordedFailures());
            out.put("poisoned", p.poisoned());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of("error", "interrupted");
        } catch (Exception e) {
            return Map.of("error", String.valueOf(e.getMessage()));
        }
    }

    private static Map<String, Object> system() {
        Runtime runtime = Runtime.getRuntime();
        long mb = 1024 * 1024;
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        double cpu = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuLoad() * 100 : -1;
        // off-heap memory the JVM accounts for: metaspace, code cache, class space, direct and mapped buffers
        long external = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getUsed()
                + ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                        .mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
        Map<String, Object> memory = new LinkedHashMap<>();
        memory.put("usedMB", (runtime.totalMemory() - runtime.freeMemory()) / mb);
        memory.put("totalMB", runtime.totalMemory() / mb);
        memory.put("maxMB", runtime.maxMemory() / mb);
        memory.put("externalMB", external / mb);
        memory.put("rss", residentSetMB());
        return Map.of(
                "memory", memory,
                "cpu", Map.of("usage", round(Math.max(0, cpu)), "loadAverage", List.of(round(os.getSystemLoadAverage())),
                        "cores", os.getAvailableProcessors()));
    }

    /** The process's resident set (VmRSS in /proc/self/status), in MB; -1 where there is no /proc. */
    static long residentSetMB() {
        double bytes = ProcessMetrics.residentSetBytes();
        return Double.isNaN(bytes) ? -1 : (long) bytes / (1024 * 1024);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
