package dev.hangar.saga.compute;

import dev.hangar.kernel.instance.InspectInstanceContainers;
import dev.hangar.kernel.instance.InstanceContainers;
import dev.hangar.saga.runtime.ContainerRuntime;
import dev.hangar.saga.runtime.Labels;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * The engine's live view of an owner's compute instance containers, for the listing against reality
 * (issue 13): one label-filtered list call on the caller's thread (a query, never on a processor).
 */
@Component
public class InstanceContainerQueries {

    private final ContainerRuntime runtime;

    public InstanceContainerQueries(ContainerRuntime runtime) {
        this.runtime = runtime;
    }

    @QueryHandler
    public InstanceContainers handle(InspectInstanceContainers query) {
        long start = System.nanoTime();
        var containers = runtime.list(Map.of(Labels.KIND, ComputeInstanceWorkload.KIND, Labels.OWNER, query.ownerId()))
                .stream()
                .map(c -> new InstanceContainers.Container(c.labels().get(Labels.INSTANCE_ID), c.containerId(), c.name(),
                        c.running(), c.status()))
                .toList();
        return new InstanceContainers(containers, (System.nanoTime() - start) / 1_000_000);
    }
}
