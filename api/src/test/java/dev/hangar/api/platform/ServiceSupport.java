package dev.hangar.api.platform;

import dev.hangar.api.support.DockerProbe;
import dev.hangar.api.support.HangarClient;
import dev.hangar.api.support.HangarClient.Response;
import java.util.List;

/** Polling and looking at the engine for the services tests. */
final class ServiceSupport {

    static final String REDIS_TEMPLATE = "5f0c2d4e-8a61-4f3b-9c2a-0d1e7b6a4c03";
    static final String POSTGRES_TEMPLATE = "5f0c2d4e-8a61-4f3b-9c2a-0d1e7b6a4c01";
    static final String NGINX_TEMPLATE = "5f0c2d4e-8a61-4f3b-9c2a-0d1e7b6a4c04";

    private ServiceSupport() {
    }

    /** Polls GET /services/:id until {@code status} (up to 150 s, the engine's readiness bound and more). */
    static Response awaitStatus(HangarClient client, String token, String id, String status) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 150_000;
        Response r;
        do {
            r = client.get("/api/v1/services/" + id, token);
            if (status.equals(r.text("status"))) {
                return r;
            }
            Thread.sleep(250);
        } while (System.currentTimeMillis() < deadline);
        throw new AssertionError("service " + id + " did not become " + status + ": " + r.raw());
    }

    /** The host port the engine published {@code containerPort} of the container on. */
    static int publishedPort(String container, int containerPort) {
        List<String> lines = DockerProbe.lines("docker", "port", container, containerPort + "/tcp");
        String first = lines.get(0);
        return Integer.parseInt(first.substring(first.lastIndexOf(':') + 1));
    }

    static boolean exists(String container) {
        return !DockerProbe.lines("docker", "ps", "-aq", "--filter", "name=^" + container + "$").isEmpty();
    }

    /** Everything labelled with the service's id: containers, volumes, networks. */
    static List<String> labelled(String serviceId) {
        String label = "label=hangar.instance-id=" + serviceId;
        List<String> all = new java.util.ArrayList<>(DockerProbe.lines("docker", "ps", "-aq", "--filter", label));
        all.addAll(DockerProbe.lines("docker", "volume", "ls", "-q", "--filter", label));
        all.addAll(DockerProbe.lines("docker", "network", "ls", "-q", "--filter", label));
        return all;
    }
}
