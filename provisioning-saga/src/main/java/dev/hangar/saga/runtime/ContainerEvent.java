package dev.hangar.saga.runtime;

import java.time.Instant;
import java.util.Map;

/** {@code action}: start, die, stop, kill, oom, destroy. */
public record ContainerEvent(String containerId, String containerName, String action, Map<String, String> labels,
                             Instant at) {

    public String instanceId() {
        return labels == null ? null : labels.get(Labels.INSTANCE_ID);
    }
}
