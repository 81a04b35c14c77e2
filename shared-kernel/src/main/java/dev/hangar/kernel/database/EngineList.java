package dev.hangar.kernel.database;

import java.util.List;

public record EngineList(List<EngineView> engines, boolean runtimeReachable) {
}
