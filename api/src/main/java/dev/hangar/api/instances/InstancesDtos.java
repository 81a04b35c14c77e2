package dev.hangar.api.instances;

import dev.hangar.kernel.instance.InstanceStatus;
import dev.hangar.kernel.instance.InstanceView;
import dev.hangar.kernel.instance.PublishedPort;
import dev.hangar.kernel.workload.HealthCheck;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every body the Instances surface (seeds 001 + 004, merged as API-SURFACES.md says) reads or writes.
 * Answers are maps where a document shows keys Hangar cannot know: they are present with null.
 */
final class InstancesDtos {

    private InstancesDtos() {
    }

    static final String NAME = "^[A-Za-z0-9_-]{1,100}$";
    static final String NAME_MESSAGE = "Name must contain only alphanumeric characters, hyphens, and underscores";

    /** Seed 001 ({@code instanceType}) or seed 004 ({@code productName} + {@code templateId}); {@code healthCheckConfig} is Hangar's addition. */
    record CreateRequest(
            @NotBlank @Size(min = 1, max = 100) @Pattern(regexp = NAME, message = NAME_MESSAGE) String name,
            @Size(max = 100) String region,
            @Size(max = 100) String instanceType,
            @Size(min = 1, max = 200) String productName,
            @Size(min = 1, max = 200) String templateId,
            @Min(1) @Max(8) Integer gpuNum,
            @Min(20) @Max(1000) Integer rootfsSize,
            @Size(max = 2000) String webhookUrl,
            @Valid HealthCheckConfig healthCheckConfig,
            Double autoStopMinutes) {
    }

    /** Seed 004's {@code healthCheckConfig}; absent values take its defaults. */
    record HealthCheckConfig(
            @Min(1000) @Max(300000) Integer timeoutMs,
            @Min(0) @Max(10) Integer retryAttempts,
            @Min(100) @Max(30000) Integer retryDelayMs,
            @Min(30000) @Max(1800000) Integer maxWaitTimeMs,
            @Min(1) @Max(65535) Integer targetPort) {

        HealthCheck toHealthCheck(Integer fallbackTargetPort) {
            return HealthCheck.of(timeoutMs, retryAttempts, retryDelayMs, maxWaitTimeMs,
                    targetPort != null ? targetPort : fallbackTargetPort);
        }
    }

    /** By id ({@code instanceName} absent) or by name. */
    record StartRequest(
            @Size(min = 1, max = 100) String instanceName,
            @Valid HealthCheckConfig healthCheckConfig,
            @Min(1) @Max(65535) Integer targetPort,
            @Size(max = 2000) String webhookUrl) {

        HealthCheck healthCheck() {
            if (healthCheckConfig == null) {
                return targetPort == null ? null : HealthCheck.of(null, null, null, null, targetPort);
            }
            return healthCheckConfig.toHealthCheck(targetPort);
        }
    }

    record StopRequest(@Size(min = 1, max = 100) String instanceName, @Size(max = 2000) String webhookUrl) {
    }

    /** Seed 001: at least one of them. */
    record PatchRequest(
            @Size(min = 1, max = 100) @Pattern(regexp = NAME, message = NAME_MESSAGE) String name,
            String status) {
    }

    /** Seed 001's instance object. */
    static Map<String, Object> seed001(InstanceView v, String publicHost) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.id());
        m.put("userId", v.ownerId());
        m.put("name", v.name());
        m.put("status", v.status().wire());
        m.put("region", v.region());
        m.put("instanceType", v.instanceType());
        m.put("ipAddress", ipAddress(v, publicHost));
        m.put("createdAt", v.createdAt());
        m.put("updatedAt", v.updatedAt());
        return m;
    }

    /** Seed 004's flat object, with seed 001's fields beside it; {@code instance} (seed 001's object) when asked. */
    static Map<String, Object> flat(InstanceView v, String publicHost, boolean withInstance) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.id());
        m.put("userId", v.ownerId());
        m.put("name", v.name());
        m.put("status", v.status().wire());
        m.put("statusMessage", v.statusMessage());
        m.put("gpuNum", v.gpuNum());
        m.put("gpuAttached", v.gpuAttached());
        m.put("gpuNote", v.gpuNote());
        m.put("region", v.region());
        m.put("instanceType", v.instanceType());
        m.put("productName", v.productName());
        m.put("templateId", v.templateId());
        m.put("ipAddress", ipAddress(v, publicHost));
        m.put("novitaInstanceId", v.containerId());
        m.put("source", "local");
        m.put("dataConsistency", null);
        m.put("clusterId", null);
        m.put("clusterName", null);
        m.put("cpuNum", trim(v.cpus()));
        m.put("memory", v.memoryBytes() / (1024 * 1024 * 1024) > 0 ? v.memoryBytes() / (1024 * 1024 * 1024) + "GB"
                : v.memoryBytes() / (1024 * 1024) + "MB");
        m.put("rootfsSize", v.rootfsSize());
        m.put("imageUrl", v.image());
        m.put("portMappings", portMappings(v, publicHost));
        m.put("connectionDetails", connectionDetails(v, publicHost));
        m.put("webhookUrl", v.webhookUrl());
        m.put("createdAt", v.createdAt());
        m.put("updatedAt", v.updatedAt());
        m.put("readyAt", v.readyAt());
        m.put("lastUsedAt", v.lastUsedAt());
        m.put("autoStopMinutes", v.autoStopAfterSeconds() == null ? null
                : v.autoStopAfterSeconds() % 60 == 0 ? (Object) (v.autoStopAfterSeconds() / 60)
                : (Object) (v.autoStopAfterSeconds() / 60d));
        m.put("lastSyncedAt", null);
        if (withInstance) {
            m.put("instance", seed001(v, publicHost));
        }
        return m;
    }

    static List<Map<String, Object>> portMappings(InstanceView v, String publicHost) {
        return v.ports().stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("port", p.port());
            m.put("hostPort", p.hostPort());
            m.put("endpoint", endpoint(p, publicHost));
            m.put("type", p.type());
            return m;
        }).toList();
    }

    static Map<String, Object> connectionDetails(InstanceView v, String publicHost) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ssh", v.ports().stream().filter(p -> "ssh".equals(p.type())).findFirst()
                .map(p -> "ssh root@" + publicHost + " -p " + p.hostPort()).orElse(null));
        m.put("jupyter", v.ports().stream().filter(p -> "jupyter".equals(p.type())).findFirst()
                .map(p -> endpoint(p, publicHost)).orElse(null));
        m.put("webTerminal", v.ports().stream().filter(p -> "webTerminal".equals(p.type())).findFirst()
                .map(p -> endpoint(p, publicHost)).orElse(null));
        return m;
    }

    static String endpoint(PublishedPort p, String publicHost) {
        String scheme = switch (p.type() == null ? "" : p.type()) {
            case "ssh" -> "ssh";
            case "jupyter", "http", "webTerminal" -> "http";
            default -> "tcp";
        };
        return scheme + "://" + publicHost + ":" + p.hostPort();
    }

    private static String ipAddress(InstanceView v, String publicHost) {
        return v.ports().isEmpty() ? null : publicHost;
    }

    private static String trim(double cpus) {
        return cpus == Math.rint(cpus) ? String.valueOf((long) cpus) : String.valueOf(cpus);
    }

    static boolean isStatus(String s, InstanceStatus status) {
        return s != null && s.equalsIgnoreCase(status.wire());
    }

    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    static Instant plusMillis(Instant t, long millis) {
        return t.plusMillis(millis);
    }
}
