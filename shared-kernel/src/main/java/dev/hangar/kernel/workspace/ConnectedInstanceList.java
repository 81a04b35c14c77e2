package dev.hangar.kernel.workspace;

import java.util.List;

public record ConnectedInstanceList(List<ConnectedInstanceView> instances) {
}
