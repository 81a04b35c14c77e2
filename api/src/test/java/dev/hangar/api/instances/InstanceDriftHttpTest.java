package dev.hangar.api.instances;

import static dev.hangar.api.support.InstanceStatus.awaitStatus;
import static dev.hangar.api.support.InstanceStatus.jupyter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.api.support.DockerProbe;
import dev.hangar.api.support.HangarClient;
import dev.hangar.api.support.HangarClient.Response;
import dev.hangar.api.support.HangarClient.User;
import dev.hangar.api.support.HangarHttpTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A running instance's container killed, or removed, behind Hangar's back: the drift watcher's event
 * makes the instance failed with the reason within seconds, and a start brings it back (re-created
 * from its volume when it was removed).
 */
@HangarHttpTest
class InstanceDriftHttpTest {

    @LocalServerPort
    int port;

    @Test
    void aKilledOrRemovedContainerShowsAsFailedAndAStartBringsItBack() throws Exception {
        HangarClient client = new HangarClient(port);
        User user = client.newPlatformUser();
        Response created = client.post("/api/instances", Map.of("name", "drifty", "instanceType", "small"), user.token());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.text("instanceId");
        String container = "hangar-inst-" + id;
        try {
            awaitStatus(client, user.token(), id, "running");

            DockerProbe.kill(container);
            Response failed = awaitStatus(client, user.token(), id, "failed");
            assertThat(failed.text("statusMessage")).contains("outside Hangar");
            assertThat(client.post("/api/instances/" + id + "/start", Map.of(), user.token()).status()).isEqualTo(202);
            Response running = awaitStatus(client, user.token(), id, "running");
            assertThat(jupyter(running, "/api/status?token=" + created.text("accessToken")).statusCode()).isEqualTo(200);

            DockerProbe.remove(container);
            failed = awaitStatus(client, user.token(), id, "failed");
            assertThat(failed.text("statusMessage")).contains("outside Hangar"); // docker rm -f: kill first, then destroy
            assertThat(failed.body().path("portMappings")).isEmpty();
            assertThat(client.post("/api/instances/start", Map.of("instanceName", "drifty"), user.token()).status())
                    .isEqualTo(202);
            running = awaitStatus(client, user.token(), id, "running");
            assertThat(DockerProbe.containers("hangar.instance-id=" + id)).hasSize(1);
            assertThat(jupyter(running, "/api/status?token=" + created.text("accessToken")).statusCode()).isEqualTo(200);
        } finally {
            assertThat(client.delete("/api/instances/" + id, user.token()).status()).isEqualTo(200);
        }
        assertThat(DockerProbe.containers("hangar.instance-id=" + id)).isEmpty();
        assertThat(DockerProbe.volumes("hangar.instance-id=" + id)).isEmpty();
    }
}
