package dev.hangar.api.databases;

import dev.hangar.kernel.database.EngineView;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Databases: engines")
class EnginesController {

    record Engine(String name, String version, int port, String description, boolean available) {
    }

    private final DatabaseDirectory directory;

    EnginesController(DatabaseDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/api/engines")
    List<Engine> engines() {
        return directory.engines().engines().stream().map(EnginesController::of).toList();
    }

    private static Engine of(EngineView e) {
        return new Engine(e.name(), e.version(), e.port(), e.description(), e.available());
    }
}
