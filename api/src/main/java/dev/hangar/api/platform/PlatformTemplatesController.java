package dev.hangar.api.platform;

import dev.hangar.api.platform.PlatformDtos.Template;
import dev.hangar.api.platform.PlatformDtos.TemplateList;
import dev.hangar.api.platform.PlatformDtos.TemplateSummary;
import dev.hangar.kernel.common.HangarException;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/templates")
@Tag(name = "Platform v1: templates")
class PlatformTemplatesController {

    private final PlatformDirectory directory;

    PlatformTemplatesController(PlatformDirectory directory) {
        this.directory = directory;
    }

    @GetMapping
    TemplateList list() {
        List<TemplateSummary> templates = directory.templates().stream().map(TemplateSummary::of).toList();
        return new TemplateList(templates, templates.size());
    }

    @GetMapping("/{id}")
    Template get(@PathVariable String id) {
        PlatformIds.require(id, "template");
        return directory.template(id).map(Template::of)
                .orElseThrow(() -> HangarException.notFound("TEMPLATE_NOT_FOUND", "Template not found"));
    }
}
