package dev.hangar.api.workspaces;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.api.support.HangarClient;
import dev.hangar.api.support.HangarClient.Response;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.Map;
import java.util.function.Predicate;

/** A tenant's workspace, as a test drives it. */
final class WorkspacesSupport {

    private WorkspacesSupport() {
    }

    record Tenant(HangarClient client, String token, String tenantUrl, Set<String> workspaces) {

        static Tenant fresh(HangarClient client) {
            String token = client.newPlatformUser().token();
            String url = client.get("/api/v1/users/me", token).body().path("tenant_url").asText();
            assertThat(url).isNotBlank();
            return new Tenant(client, token, url, new LinkedHashSet<>());
        }

        String base(String workspace) {
            return "/" + tenantUrl + "/api/v1/workspaces/" + workspace + "/instances";
        }

        Response connect(String workspace, Map<String, Object> body) {
            workspaces.add(workspace);
            return client.post(base(workspace) + "/connect", body, token);
        }

        /** Removes whatever the test connected, so that no check of it goes on behind the next tests. */
        void removeAll() {
            for (String workspace : workspaces) {
                for (var instance : client.get(base(workspace), token).body().path("instances")) {
                    disconnect(workspace, instance.path("instance_name").asText(), Map.of("delete_instance", true));
                }
            }
        }

        Response show(String workspace, String name) {
            return client.get(base(workspace) + "/" + name, token);
        }

        Response modify(String workspace, String name, Map<String, Object> body) {
            return client.put(base(workspace) + "/" + name, body, token);
        }

        Response disconnect(String workspace, String name, Object body) {
            return client.post(base(workspace) + "/" + name + "/disconnect", body, token);
        }

        /** Reads the instance until {@code done} holds (the periodic check is 2 s in these tests). */
        Response awaitInstance(String workspace, String name, Predicate<Response> done, Duration within)
                throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            Response r = show(workspace, name);
            while (!done.test(r) && System.nanoTime() < deadline) {
                Thread.sleep(250);
                r = show(workspace, name);
            }
            return r;
        }
    }

    static Map<String, Object> body(String name, String type, int port, String username, String password) {
        Map<String, Object> body = new HashMap<>();
        body.put("instance_name", name);
        body.put("instance_description", "connected by a test");
        body.put("instance_type", type);
        body.put("instance_vendor", type);
        body.put("host", "127.0.0.1");
        body.put("port", port);
        body.put("username", username);
        body.put("password", password);
        body.put("ssl", false);
        body.put("ssl_mode", "disable");
        return body;
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    static String status(Response r) {
        return r.body().path("instance").path("status").asText();
    }

    static String message(Response r) {
        return r.body().path("instance").path("instance_status_message").asText();
    }
}
