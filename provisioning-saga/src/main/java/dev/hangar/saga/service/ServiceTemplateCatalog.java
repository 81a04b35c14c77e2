package dev.hangar.saga.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.hangar.kernel.service.FindServiceTemplate;
import dev.hangar.kernel.service.ListServiceTemplates;
import dev.hangar.kernel.service.ServiceConfig;
import dev.hangar.kernel.service.ServiceResources;
import dev.hangar.kernel.service.ServiceTemplateList;
import dev.hangar.kernel.service.ServiceTemplateView;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;

/**
 * The service templates: the embedded {@code service-templates.yml}, or the operator's file
 * ({@code hangar.services.templates-file}) instead. Read once at start-up and checked: a catalog
 * with a malformed or repeated id, or a template without name, type or image, stops the start.
 */
public class ServiceTemplateCatalog {

    public static final String EMBEDDED = "/service-templates.yml";

    private final List<ServiceTemplateView> templates;

    public ServiceTemplateCatalog(List<ServiceTemplateView> templates) {
        this.templates = List.copyOf(templates);
    }

    public static ServiceTemplateCatalog load(String file) {
        try {
            if (file != null && !file.isBlank()) {
                try (InputStream in = Files.newInputStream(Path.of(file))) {
                    return parse(in, file);
                }
            }
            try (InputStream in = ServiceTemplateCatalog.class.getResourceAsStream(EMBEDDED)) {
                if (in == null) {
                    throw new IllegalStateException("the embedded " + EMBEDDED + " is missing");
                }
                return parse(in, "classpath:" + EMBEDDED);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the service template catalog " + file + ": " + e.getMessage(), e);
        }
    }

    static ServiceTemplateCatalog parse(InputStream in, String source) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        CatalogFile parsed = yaml.readValue(in, CatalogFile.class);
        List<ServiceTemplateView> views = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Entry e : parsed.templates == null ? List.<Entry>of() : parsed.templates) {
            String where = source + ", template " + e.name;
            require(e.id != null && isUuid(e.id), where + ": id must be a UUID");
            require(ids.add(e.id.toLowerCase()), where + ": id " + e.id + " is used twice");
            require(e.name != null && !e.name.isBlank(), where + ": name is required");
            require(e.type != null && !e.type.isBlank(), where + ": type is required");
            require(e.config != null && e.config.image != null && !e.config.image.isBlank(), where + ": config.image is required");
            ServiceResources resources = e.config.resources == null ? null
                    : new ServiceResources(e.config.resources.cpu, e.config.resources.memory, e.config.resources.disk);
            ServiceConfig config = new ServiceConfig(e.config.image, e.config.ports, e.config.environment, resources,
                    e.config.nomadJobFile, null);
            views.add(new ServiceTemplateView(e.id.toLowerCase(), e.name, e.type, e.description, e.icon, e.category,
                    e.tags == null ? List.of() : List.copyOf(e.tags), e.isPublic == null || e.isPublic,
                    e.createdAt == null ? Instant.EPOCH : Instant.parse(e.createdAt), config));
        }
        require(!views.isEmpty(), source + " holds no template");
        return new ServiceTemplateCatalog(views);
    }

    public List<ServiceTemplateView> templates() {
        return templates;
    }

    public Optional<ServiceTemplateView> find(String id) {
        return templates.stream().filter(t -> t.id().equalsIgnoreCase(id)).findFirst();
    }

    @QueryHandler
    public ServiceTemplateList handle(ListServiceTemplates query) {
        return new ServiceTemplateList(templates);
    }

    @QueryHandler
    public Optional<ServiceTemplateView> handle(FindServiceTemplate query) {
        return find(query.templateId());
    }

    private static boolean isUuid(String id) {
        try {
            return UUID.fromString(id).toString().equalsIgnoreCase(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException("service template catalog: " + message);
        }
    }

    static final class CatalogFile {
        public List<Entry> templates;
    }

    static final class Entry {
        public String id;
        public String name;
        public String type;
        public String description;
        public String icon;
        public String category;
        public List<String> tags;
        @JsonProperty("is_public")
        public Boolean isPublic;
        @JsonProperty("created_at")
        public String createdAt;
        public Config config;
    }

    static final class Config {
        public String image;
        public List<Integer> ports;
        public Map<String, String> environment;
        public Resources resources;
        @JsonProperty("nomad_job_file")
        public String nomadJobFile;
    }

    static final class Resources {
        public int cpu;
        public int memory;
        public int disk;
    }
}
