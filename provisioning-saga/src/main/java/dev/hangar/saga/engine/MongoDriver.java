package dev.hangar.saga.engine;

import dev.hangar.kernel.database.Engine;

import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCredential;
import com.mongodb.MongoException;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * MongoDB per the official {@code mongo} image: MONGO_INITDB_ROOT_USERNAME/PASSWORD create a root
 * user in {@code admin} (authSource admin), MONGO_INITDB_DATABASE names the database the init
 * scripts use. Not exercised against a real server here (no image on this host).
 */
public final class MongoDriver implements EngineDriver {

    @Override
    public Engine kind() {
        return Engine.MONGODB;
    }

    @Override
    public Map<String, String> environment(Credentials c) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MONGO_INITDB_ROOT_USERNAME", user(c));
        env.put("MONGO_INITDB_ROOT_PASSWORD", c.password());
        if (c.database() != null && !c.database().isBlank()) {
            env.put("MONGO_INITDB_DATABASE", c.database());
        }
        return env;
    }

    @Override
    public boolean acceptsLogin(String host, int port, Credentials c) {
        try (MongoClient client = connect(host, port, c)) {
            client.getDatabase("admin").runCommand(new Document("ping", 1));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void changePassword(String host, int port, Credentials current, String newPassword) {
        try (MongoClient client = connect(host, port, current)) {
            client.getDatabase("admin").runCommand(new Document("updateUser", user(current)).append("pwd", newPassword));
        } catch (MongoException e) {
            throw new EngineDriverException("MongoDB password change for user " + user(current) + " at " + host + ":"
                    + port + " failed: " + e.getMessage(), e);
        }
    }

    static MongoClientSettings settings(String host, int port, Credentials c) {
        return MongoClientSettings.builder()
                .credential(MongoCredential.createCredential(user(c), "admin", c.password().toCharArray()))
                .applyToClusterSettings(b -> b.hosts(List.of(new ServerAddress(host, port)))
                        .serverSelectionTimeout(3, TimeUnit.SECONDS))
                .applyToSocketSettings(b -> b.connectTimeout(3, TimeUnit.SECONDS).readTimeout(10, TimeUnit.SECONDS))
                .build();
    }

    private static MongoClient connect(String host, int port, Credentials c) {
        return MongoClients.create(settings(host, port, c));
    }

    private static String user(Credentials c) {
        return c.username() == null || c.username().isBlank() ? "root" : c.username();
    }

}
