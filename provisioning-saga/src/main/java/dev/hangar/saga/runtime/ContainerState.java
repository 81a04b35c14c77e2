package dev.hangar.saga.runtime;

import java.util.Map;

public record ContainerState(String containerId, String name, boolean running, String status,
                             Map<String, String> labels) {
}
