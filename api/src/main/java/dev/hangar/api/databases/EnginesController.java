package dev.hangar.api.databases;

import dev.hangar.api.databases.DatabasesDtos.Engine;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Databases: engines")
class EnginesController {

    private final DatabaseDirectory directory;

    EnginesController(DatabaseDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/api/engines")
    List<Engine> engines() {
        return directory.engines().engines().stream().map(Engine::of).toList();
    }
}
