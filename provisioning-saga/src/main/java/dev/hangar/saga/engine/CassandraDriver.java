package dev.hangar.saga.engine;

import dev.hangar.kernel.database.Engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cassandra per the official {@code cassandra} image. That image has no credential variables and
 * runs with {@code AllowAllAuthenticator}: the credentials are NOT enforced. The env sets a cluster
 * name and a small heap (MAX_HEAP_SIZE/HEAP_NEWSIZE must be set together).
 *
 * <p>{@link #acceptsLogin} is only a TCP connect: weaker than a login, and through docker-proxy a
 * published port accepts TCP before Cassandra listens, so it says "container up", not "ready".
 */
public final class CassandraDriver implements EngineDriver {

    @Override
    public Engine kind() {
        return Engine.CASSANDRA;
    }

    @Override
    public Map<String, String> environment(Credentials c) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CASSANDRA_CLUSTER_NAME", "hangar");
        env.put("MAX_HEAP_SIZE", "512M");
        env.put("HEAP_NEWSIZE", "128M");
        return env;
    }

    @Override
    public boolean acceptsLogin(String host, int port, Credentials c) {
        return TcpProbe.connects(host, port, 2000);
    }

    @Override
    public void changePassword(String host, int port, Credentials current, String newPassword) {
        throw new UnsupportedOperationException(
                "Cassandra password changes are not supported by Hangar (the official image runs without authentication)");
    }
}
