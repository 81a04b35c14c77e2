package dev.hangar.api.config;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.hangar.api.config.HangarProperties.EmbeddedReadStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no MongoDB configured, the read models live in an in-process server that speaks MongoDB's
 * wire protocol, reached through the real driver. By default it keeps them, with the projections'
 * tokens, in a file beside the event store ({@code read-store.mv.db}), so a restart resumes each
 * projection where it stopped instead of replaying the whole event store
 * ({@code HANGAR_READ_STORE_EMBEDDED=memory} keeps nothing and rebuilds at every start).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.data.mongodb.uri:}'.isEmpty() and '${spring.data.mongodb.host:}'.isEmpty()")
public class EmbeddedMongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);
    static final String READ_STORE_FILE = "read-store.mv.db";
    /** Written once the read store's file is closed; missing at start-up: the process did not stop cleanly. */
    static final String CLOSED_CLEANLY = "read-store.closed";
    private static final String H2_FILE_URL = "jdbc:h2:file:";

    @Bean(destroyMethod = "shutdownNow")
    public MongoServer embeddedMongoServer(HangarProperties properties, DataSourceProperties eventStore) {
        EmbeddedReadStore mode = properties.readStore().embedded();
        String eventStoreUrl = eventStore.getUrl() == null ? "" : eventStore.getUrl();
        MongoServer server = new MongoServer(backend(properties.dataDir(), mode, eventStoreUrl));
        server.bind("127.0.0.1", 0);
        log.info("Read store: embedded MongoDB wire-protocol server on {} ({})", server.getLocalAddress(), mode);
        return server;
    }

    private static MongoBackend backend(Path dataDir, EmbeddedReadStore mode, String eventStoreUrl) {
        if (mode == EmbeddedReadStore.MEMORY) {
            return new MemoryBackend();
        }
        Path file = dataDir.resolve(READ_STORE_FILE);
        try {
            Files.createDirectories(dataDir);
            // Read models kept for an event store that is gone would hold tokens past its head and
            // never rebuild: with the embedded event store's file missing, start the read store empty.
            if (eventStoreUrl.startsWith(H2_FILE_URL) && Files.exists(file)
                    && !Files.exists(h2File(eventStoreUrl))) {
                log.warn("Read store {} has no event store beside it: starting it empty", file);
                Files.delete(file);
            }
            // The MVStore commits by itself about every second, possibly between the writes of a
            // document and of its index entries: after a kill the two can be out of step (seen: a
            // projection that could never claim its token again). Only a file closed cleanly is
            // trusted; otherwise the projections rebuild it from the events.
            Path closed = dataDir.resolve(CLOSED_CLEANLY);
            if (Files.exists(file) && !Files.exists(closed)) {
                log.warn("Read store {} was not closed cleanly (the process was killed?): rebuilding it from the events", file);
                Files.delete(file);
            }
            Files.deleteIfExists(closed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Compressed pages (LZF): a quarter of the size over 100,000 events, no slower (docs/benchmarks.md).
        MVStore store = new MVStore.Builder().fileName(file.toString()).compress().open();
        return new ClosedCleanly(store, dataDir.resolve(CLOSED_CLEANLY));
    }

    /** The H2 backend that leaves {@link #CLOSED_CLEANLY} behind once its file is closed. */
    private static final class ClosedCleanly extends H2Backend {

        private final Path marker;

        ClosedCleanly(MVStore store, Path marker) {
            super(store);
            this.marker = marker;
        }

        @Override
        public void close() {
            super.close();
            try {
                Files.writeString(marker, "the read store's file was closed cleanly\n");
            } catch (IOException e) {
                log.warn("Could not mark the read store closed ({}): the next start rebuilds it", e.toString());
            }
        }
    }

    /** {@code jdbc:h2:file:/data/hangar;MODE=...} is kept in {@code /data/hangar.mv.db} (H2 reads {@code ~} as the home folder). */
    static Path h2File(String url) {
        String path = url.substring(H2_FILE_URL.length());
        int options = path.indexOf(';');
        String file = (options < 0 ? path : path.substring(0, options)) + ".mv.db";
        return file.startsWith("~") ? Path.of(System.getProperty("user.home") + file.substring(1)) : Path.of(file);
    }

    @Bean
    public MongoConnectionDetails mongoConnectionDetails(MongoServer embeddedMongoServer, MongoProperties mongo) {
        String database = mongo.getMongoClientDatabase();
        InetSocketAddress address = embeddedMongoServer.getLocalAddress();
        ConnectionString uri = new ConnectionString(
                "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database);
        return () -> uri;
    }
}
