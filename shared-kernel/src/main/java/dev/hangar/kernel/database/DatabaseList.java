package dev.hangar.kernel.database;

import java.util.List;

public record DatabaseList(List<DatabaseView> databases) {
}
