package dev.hangar.saga.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hangar.kernel.service.FindServiceTemplate;
import dev.hangar.kernel.service.ListServiceTemplates;
import dev.hangar.kernel.service.ServiceTemplateView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded catalog, an operator's file in its place, and what a broken file does. */
class ServiceTemplateCatalogTest {

    @TempDir
    Path dir;

    @Test
    void theEmbeddedCatalogHoldsADatabaseACacheAndAnHttpServerWithStableIds() {
        ServiceTemplateCatalog catalog = ServiceTemplateCatalog.load(null);
        List<ServiceTemplateView> templates = catalog.handle(new ListServiceTemplates()).templates();
        assertThat(templates).extracting(ServiceTemplateView::name).contains("postgresql", "mariadb", "redis", "nginx");
        ServiceTemplateView postgres = catalog.handle(new FindServiceTemplate("5f0c2d4e-8a61-4f3b-9c2a-0d1e7b6a4c01"))
                .orElseThrow();
        assertThat(postgres.config().environment()).containsEntry("POSTGRES_PASSWORD", "{{DB_PASSWORD}}");
        assertThat(postgres.config().image()).isEqualTo("hangar/postgres:15");
        assertThat(postgres.tags()).contains("sql");
        assertThat(ServiceTemplateCatalog.load("").templates()).isEqualTo(templates);
        assertThat(catalog.find("00000000-0000-0000-0000-000000000000")).isEmpty();
    }

    @Test
    void anOperatorsFileReplacesTheCatalog() throws Exception {
        Path file = dir.resolve("templates.yml");
        Files.writeString(file, """
                templates:
                  - id: 11111111-2222-3333-4444-555555555555
                    name: memcached
                    type: cache
                    config:
                      image: example/memcached:1
                      ports: [11211]
                      environment:
                        MEMCACHED_USER_NAME: "{{USER}}"
                """);
        ServiceTemplateCatalog catalog = ServiceTemplateCatalog.load(file.toString());
        assertThat(catalog.templates()).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("memcached");
            assertThat(t.isPublic()).isTrue();
            assertThat(t.config().environment()).containsEntry("MEMCACHED_USER_NAME", "{{USER}}");
        });
    }

    @Test
    void aBrokenFileStopsTheStart() throws Exception {
        Path badId = dir.resolve("bad.yml");
        Files.writeString(badId, "templates:\n  - id: nope\n    name: x\n    type: y\n    config: {image: a}\n");
        assertThatThrownBy(() -> ServiceTemplateCatalog.load(badId.toString())).hasMessageContaining("must be a UUID");
        Path twice = dir.resolve("twice.yml");
        Files.writeString(twice, """
                templates:
                  - {id: 11111111-2222-3333-4444-555555555555, name: a, type: a, config: {image: a}}
                  - {id: 11111111-2222-3333-4444-555555555555, name: b, type: b, config: {image: b}}
                """);
        assertThatThrownBy(() -> ServiceTemplateCatalog.load(twice.toString())).hasMessageContaining("used twice");
        Path noImage = dir.resolve("noimage.yml");
        Files.writeString(noImage, "templates:\n  - {id: 11111111-2222-3333-4444-555555555555, name: a, type: a}\n");
        assertThatThrownBy(() -> ServiceTemplateCatalog.load(noImage.toString())).hasMessageContaining("config.image");
        assertThatThrownBy(() -> ServiceTemplateCatalog.load(dir.resolve("missing.yml").toString()))
                .isInstanceOf(IllegalStateException.class);
    }
}
