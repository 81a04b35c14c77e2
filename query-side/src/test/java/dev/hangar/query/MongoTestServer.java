package dev.hangar.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A real MongoDB wire-protocol server in memory, a real driver client, and a Spring Data template over it. */
public final class MongoTestServer implements AutoCloseable {

    public static final String DATABASE = "test";

    private final MongoServer server;
    private final MongoClient client;
    private final MongoTemplate template;

    public MongoTestServer() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        template = new MongoTemplate(client, DATABASE);
    }

    public MongoClient client() {
        return client;
    }

    public MongoTemplate template() {
        return template;
    }

    public void dropDatabase() {
        client.getDatabase(DATABASE).drop();
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
