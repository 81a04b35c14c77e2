package dev.hangar.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Where the embedded event store keeps its file, for the read store's check that it is still there. */
class EmbeddedMongoConfigurationTest {

    @Test
    void theEventStoreFileIsTheUrlsPathWithH2sEnding() {
        assertThat(EmbeddedMongoConfiguration.h2File(
                "jdbc:h2:file:/var/lib/hangar/hangar;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"))
                .isEqualTo(Path.of("/var/lib/hangar/hangar.mv.db"));
        assertThat(EmbeddedMongoConfiguration.h2File("jdbc:h2:file:./data/events"))
                .isEqualTo(Path.of("./data/events.mv.db"));
        assertThat(EmbeddedMongoConfiguration.h2File("jdbc:h2:file:~/hangar/db;MODE=PostgreSQL"))
                .isEqualTo(Path.of(System.getProperty("user.home"), "hangar", "db.mv.db"));
    }
}
