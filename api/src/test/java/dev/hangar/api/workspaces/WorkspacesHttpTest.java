package dev.hangar.api.workspaces;

import static dev.hangar.api.workspaces.WorkspacesSupport.body;
import static dev.hangar.api.workspaces.WorkspacesSupport.freePort;
import static dev.hangar.api.workspaces.WorkspacesSupport.message;
import static dev.hangar.api.workspaces.WorkspacesSupport.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.api.support.HangarClient;
import dev.hangar.api.support.HangarClient.Response;
import dev.hangar.api.workspaces.WorkspacesSupport.Tenant;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Workspaces surface's rules over HTTP, against loopback sockets only: every documented 400,
 * 404 and 409, the answers' shapes, and the unreachable cases (refused, never answering, refused
 * by the address guard) each unhealthy with its reason within the bound.
 */
@WorkspacesHttpTestConfig
class WorkspacesHttpTest {

    @LocalServerPort
    int port;
    HangarClient client;
    Tenant tenant;

    @BeforeEach
    void setUp() {
        client = new HangarClient(port);
        tenant = Tenant.fresh(client);
    }

    @AfterEach
    void removeConnected() {
        tenant.removeAll();
    }

    static void assertError(Response r, int status) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.body().fieldNames()).toIterable().containsExactlyInAnyOrder("error", "message", "status");
        assertThat(r.text("status")).isEqualTo("error");
        assertThat(r.text("message")).isNotBlank();
    }

    @Test
    void aWorkspaceNeedsNoCreatingAndListsEmpty() {
        Response r = client.get(tenant.base("fresh-ws"), tenant.token());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.raw()).isEqualTo("{\"instances\":[]}");
    }

    @Test
    void anotherTenantsUrlAnswers404AndNoTokenAnswers401() throws Exception {
        Tenant other = Tenant.fresh(client);
        String foreign = other.base("ws");
        assertError(client.get(foreign, tenant.token()), 404);
        assertError(client.get(foreign + "/x", tenant.token()), 404);
        assertError(client.post(foreign + "/connect", body("x", "postgresql", freePort(), "u", "p"), tenant.token()), 404);
        assertError(client.put(foreign + "/x", Map.of("instance_description", "d"), tenant.token()), 404);
        assertError(client.post(foreign + "/x/disconnect", Map.of(), tenant.token()), 404);
        assertError(client.get("/no-such-tenant/api/v1/workspaces/ws/instances", tenant.token()), 404);
        assertError(client.get(foreign), 401);
    }

    @Test
    void badBodiesAnswer400NamingEachField() {
        Response missing = tenant.connect("ws", Map.of("instance_type", "postgresql", "port", 5432));
        assertError(missing, 400);
        assertThat(missing.text("message")).isEqualTo("Missing required fields: instance_name, "
                + "instance_description, instance_vendor, host, username, password");

        Map<String, Object> oracle = body("o", "oracle", 1521, "u", "p");
        assertThat(tenant.connect("ws", oracle).text("message")).contains("instance_type must be one of");
        Map<String, Object> port = body("o", "postgresql", 70000, "u", "p");
        assertThat(tenant.connect("ws", port).text("message")).contains("port must be between 1 and 65535");
        Map<String, Object> zero = body("o", "postgresql", 0, "u", "p");
        assertError(tenant.connect("ws", zero), 400);
        Map<String, Object> mode = body("o", "postgresql", 5432, "u", "p");
        mode.put("ssl_mode", "sometimes");
        Response badMode = tenant.connect("ws", mode);
        assertError(badMode, 400);
        assertThat(badMode.text("message")).contains("ssl_mode must be one of");
        assertError(client.send("POST", tenant.base("ws") + "/connect", "{not json", tenant.token()), 400);
        assertThat(client.get(tenant.base("ws"), tenant.token()).body().path("instances")).isEmpty();
    }

    @Test
    void unknownInstancesAnswer404() {
        assertError(tenant.show("ws", "nope"), 404);
        assertError(tenant.modify("ws", "nope", Map.of("instance_description", "d")), 404);
        assertError(tenant.disconnect("ws", "nope", Map.of()), 404);
    }

    @Test
    void aClosedPortIsUnhealthyRefusedAndTheAnswerIsSeed000s() throws Exception {
        int closed = freePort();
        long start = System.nanoTime();
        Response r = tenant.connect("ws", body("closed", "postgresql", closed, "app", "pw-closed-1"));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
        assertThat(r.text("message")).isEqualTo("Instance connected successfully");
        assertThat(r.body().path("success").asBoolean()).isTrue();
        assertThat(r.text("status")).isEqualTo("success");
        assertThat(status(r)).isEqualTo("unhealthy");
        assertThat(message(r)).isEqualTo("Connection refused by 127.0.0.1:" + closed);
        var instance = r.body().path("instance");
        for (String field : List.of("tenant_id", "workspace_name", "environment_id", "instance_id", "instance_name",
                "instance_description", "instance_type", "instance_vendor", "instance_version",
                "connected_to_node_id", "instance_host", "instance_port", "instance_username", "instance_enabled",
                "instance_ssl", "instance_ssl_mode", "owner_id", "instance_status_message", "status", "created",
                "updated", "instance_password", "policy_ids", "instance_system_db_name")) {
            assertThat(instance.has(field)).as(field).isTrue();
        }
        assertThat(instance.path("workspace_name").asText()).isEqualTo("ws");
        assertThat(instance.path("instance_port").asInt()).isEqualTo(closed);
        assertThat(instance.path("instance_password").asText()).isNotEqualTo("pw-closed-1").startsWith("v1:");

        Response listed = client.get(tenant.base("ws"), tenant.token());
        assertThat(listed.body().path("instances")).hasSize(1);
        assertThat(tenant.show("ws", "closed").body().path("instance").path("instance_id").asText())
                .isEqualTo(instance.path("instance_id").asText());
        assertThat(client.get(tenant.base("other-ws"), tenant.token()).body().path("instances")).isEmpty();
    }

    @Test
    void aServerThatNeverAnswersIsUnhealthyTimedOutWithinTheBound() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (Exception closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            long start = System.nanoTime();
            Response r = tenant.connect("ws", body("silent", "mysql", silent.getLocalPort(), "app", "pw"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(r.status()).as(r.raw()).isEqualTo(201);
            assertThat(status(r)).isEqualTo("unhealthy");
            assertThat(message(r)).isEqualTo("Timed out after 5 s connecting to 127.0.0.1:" + silent.getLocalPort());
            assertThat(millis).isLessThan(16_000);
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void metadataAndLinkLocalAddressesAreRefusedWithoutAConnection() {
        Map<String, Object> metadata = body("metadata", "redis", 80, "default", "pw");
        metadata.put("host", "169.254.169.254");
        Response r = tenant.connect("ws", metadata);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(status(r)).isEqualTo("unhealthy");
        assertThat(message(r)).startsWith("Refused: 169.254.169.254 is in a range Hangar does not connect to");

        Map<String, Object> loopback = body("loopback6", "redis", 6379, "default", "pw");
        loopback.put("host", "::1");
        assertThat(message(tenant.connect("ws", loopback))).startsWith("Refused: ");
    }

    @Test
    void aSecondInstanceOfTheSameNameConflictsAndRenamesKeepTheId() throws Exception {
        int closed = freePort();
        Response first = tenant.connect("ws", body("dup", "redis", closed, "default", "pw"));
        assertThat(first.status()).isEqualTo(201);
        assertError(tenant.connect("ws", body("dup", "redis", closed, "default", "pw")), 409);
        assertThat(tenant.connect("ws2", body("dup", "redis", closed, "default", "pw")).status()).isEqualTo(201);
        assertThat(tenant.connect("ws", body("dup2", "redis", closed, "default", "pw")).status()).isEqualTo(201);

        assertError(tenant.modify("ws", "dup", Map.of("instance_name", "dup2")), 409);
        Response renamed = tenant.modify("ws", "dup", Map.of("instance_name", "renamed", "instance_description", "new"));
        assertThat(renamed.status()).as(renamed.raw()).isEqualTo(200);
        assertThat(renamed.text("message")).isEqualTo("Instance updated successfully");
        assertThat(renamed.body().path("instance").path("instance_id").asText())
                .isEqualTo(first.body().path("instance").path("instance_id").asText());
        assertThat(renamed.body().path("instance").path("instance_description").asText()).isEqualTo("new");
        assertError(tenant.show("ws", "dup"), 404);
        // the old name is free again
        assertThat(tenant.connect("ws", body("dup", "redis", closed, "default", "pw")).status()).isEqualTo(201);
        Response badPort = tenant.modify("ws", "renamed", Map.of("port", 0));
        assertError(badPort, 400);
    }

    @Test
    void disconnectKeepsItDisabledOrDeletesIt() throws Exception {
        int closed = freePort();
        tenant.connect("ws", body("keep", "postgresql", closed, "app", "pw"));
        tenant.connect("ws", body("drop", "postgresql", closed, "app", "pw"));

        Response kept = tenant.disconnect("ws", "keep", null);
        assertThat(kept.status()).as(kept.raw()).isEqualTo(200);
        assertThat(kept.raw()).isEqualTo(
                "{\"message\":\"Instance disconnected successfully\",\"success\":true,\"status\":\"success\"}");
        Response shown = tenant.show("ws", "keep");
        assertThat(status(shown)).isEqualTo("disconnected");
        assertThat(shown.body().path("instance").path("instance_enabled").asBoolean()).isFalse();

        assertThat(tenant.disconnect("ws", "drop", Map.of("delete_instance", true)).status()).isEqualTo(200);
        assertError(tenant.show("ws", "drop"), 404);
        assertThat(client.get(tenant.base("ws"), tenant.token()).body().path("instances")).hasSize(1);
        assertThat(tenant.connect("ws", body("drop", "postgresql", closed, "app", "pw")).status()).isEqualTo(201);
    }
}
