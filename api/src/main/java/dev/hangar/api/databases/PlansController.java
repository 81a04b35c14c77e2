package dev.hangar.api.databases;

import dev.hangar.api.databases.DatabasesDtos.CurrentPlan;
import dev.hangar.api.databases.DatabasesDtos.PlanEntry;
import dev.hangar.api.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/plans")
@Tag(name = "Databases: plans")
class PlansController {

    private final DatabaseDirectory directory;

    PlansController(DatabaseDirectory directory) {
        this.directory = directory;
    }

    @GetMapping
    List<PlanEntry> plans() {
        return directory.plans();
    }

    @GetMapping("/current")
    CurrentPlan current(@AuthenticationPrincipal AuthenticatedUser me) {
        return CurrentPlan.of(directory.subscription(me.userId()));
    }
}
