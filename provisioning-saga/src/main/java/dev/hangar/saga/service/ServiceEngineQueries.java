package dev.hangar.saga.service;

import dev.hangar.kernel.common.HangarException;
import dev.hangar.kernel.service.FindServiceLogs;
import dev.hangar.kernel.service.FindServiceMetrics;
import dev.hangar.kernel.service.ServiceLogs;
import dev.hangar.kernel.service.ServiceMetrics;
import dev.hangar.saga.runtime.ContainerRuntime;
import dev.hangar.saga.runtime.ContainerRuntimeException;
import dev.hangar.saga.runtime.ContainerUsage;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;

/**
 * A deployment's logs and usage, read from the container engine when asked, each call bounded by
 * {@code hangar.services.engine-timeout} (and the logs by lines and bytes). Never on an event
 * processor thread: these answer queries only.
 */
public class ServiceEngineQueries {

    private final ContainerRuntime runtime;
    private final ServiceProperties properties;

    public ServiceEngineQueries(ContainerRuntime runtime, ServiceProperties properties) {
        this.runtime = runtime;
        this.properties = properties;
    }

    @QueryHandler
    public ServiceLogs handle(FindServiceLogs query) {
        int tail = Math.max(0, Math.min(query.tail(), properties.maxLogLines()));
        try {
            List<String> lines = runtime.logs(query.containerName(), tail, query.since(), properties.maxLogBytes(),
                    properties.engineTimeout());
            return new ServiceLogs(lines.size() > tail ? lines.subList(lines.size() - tail, lines.size()) : lines);
        } catch (ContainerRuntimeException e) {
            throw HangarException.containerRuntime("Failed to get logs");
        }
    }

    @QueryHandler
    public ServiceMetrics handle(FindServiceMetrics query) {
        try {
            if (query.containerName() == null) {
                return new ServiceMetrics(0, 0, null, "none", runtime.engineId());
            }
            Optional<ContainerUsage> usage = runtime.usage(query.containerName(), properties.engineTimeout());
            String node = runtime.engineId();
            return usage.map(u -> new ServiceMetrics(u.cpuPercent(), u.memoryBytes(), u.containerId(), u.status(), node))
                    .orElseGet(() -> new ServiceMetrics(0, 0, null, "missing", node));
        } catch (ContainerRuntimeException e) {
            throw HangarException.containerRuntime("Failed to get metrics");
        }
    }
}
