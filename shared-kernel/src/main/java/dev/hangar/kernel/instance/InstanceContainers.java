package dev.hangar.kernel.instance;

import java.util.List;

/** What the engine runs for an owner right now; {@code inspectedMillis}: how long asking it took. */
public record InstanceContainers(List<Container> containers, long inspectedMillis) {

    /** {@code instanceId}: its {@code hangar.instance-id} label; {@code state}: the engine's word (running, exited, ...). */
    public record Container(String instanceId, String containerId, String name, boolean running, String state) {
    }

    public InstanceContainers {
        containers = containers == null ? List.of() : List.copyOf(containers);
    }
}
