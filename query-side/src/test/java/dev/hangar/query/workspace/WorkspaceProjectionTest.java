package dev.hangar.query.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.kernel.workspace.ConnectedInstanceModified;
import dev.hangar.kernel.workspace.ConnectedInstanceProbed;
import dev.hangar.kernel.workspace.ConnectedInstanceRemoved;
import dev.hangar.kernel.workspace.ConnectedInstanceView;
import dev.hangar.kernel.workspace.FindConnectedInstance;
import dev.hangar.kernel.workspace.InstanceConnected;
import dev.hangar.kernel.workspace.InstanceConnection;
import dev.hangar.kernel.workspace.InstanceDisconnected;
import dev.hangar.kernel.workspace.InstanceHealth;
import dev.hangar.kernel.workspace.InstanceProfile;
import dev.hangar.kernel.workspace.InstanceType;
import dev.hangar.kernel.workspace.ListConnectedInstances;
import dev.hangar.kernel.workspace.SslMode;
import dev.hangar.query.MongoTestServer;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connected-instances read model on a real MongoDB wire-protocol server. */
class WorkspaceProjectionTest {

    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    MongoTestServer server;
    ConnectedInstanceProjection projection;

    @BeforeEach
    void start() {
        server = new MongoTestServer();
        projection = new ConnectedInstanceProjection(server.template());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static InstanceConnection connection(long revision) {
        return new InstanceConnection(InstanceType.POSTGRESQL, "db.example.com", 5432, "app", "v1:cipher", true,
                SslMode.REQUIRE, null, null, null, revision);
    }

    static InstanceProfile profile(String name) {
        return new InstanceProfile(name, "d", "postgresql", null, null, true);
    }

    @Test
    void connectedProbedRenamedDisconnectedRemoved() {
        projection.on(new InstanceConnected("i1", "t1", "ws", "u1", profile("db"), connection(1), T0));
        projection.on(new InstanceConnected("i2", "t2", "ws", "u2", profile("db"), connection(1), T0));
        assertThat(projection.handle(new FindConnectedInstance("t1", "ws", "db")).orElseThrow().status())
                .isEqualTo(InstanceHealth.PENDING);

        projection.on(new ConnectedInstanceProbed("i1", "t1", 1, InstanceHealth.HEALTHY, "15.4", "Connected", T0));
        ConnectedInstanceView view = projection.handle(new FindConnectedInstance("t1", "ws", "db")).orElseThrow();
        assertThat(view.status()).isEqualTo(InstanceHealth.HEALTHY);
        assertThat(view.version()).isEqualTo("15.4");
        assertThat(view.connection().passwordCiphertext()).isEqualTo("v1:cipher");

        projection.on(new ConnectedInstanceModified("i1", "t1", "ws", profile("db2"), connection(2), true, T0));
        projection.on(new ConnectedInstanceProbed("i1", "t1", 1, InstanceHealth.HEALTHY, "15.4", "Connected", T0));
        assertThat(projection.handle(new FindConnectedInstance("t1", "ws", "db"))).isEmpty();
        assertThat(projection.handle(new FindConnectedInstance("t1", "ws", "db2")).orElseThrow().status())
                .isEqualTo(InstanceHealth.PENDING);

        projection.on(new InstanceDisconnected("i1", "t1", "ws", T0));
        view = projection.handle(new FindConnectedInstance("t1", "ws", "db2")).orElseThrow();
        assertThat(view.status()).isEqualTo(InstanceHealth.DISCONNECTED);
        assertThat(view.profile().enabled()).isFalse();

        assertThat(projection.handle(new ListConnectedInstances("t1", "ws")).instances()).hasSize(1);
        assertThat(projection.handle(new ListConnectedInstances("t1", "other")).instances()).isEmpty();
        projection.on(new ConnectedInstanceRemoved("i1", "t1", "ws", "db2", T0));
        assertThat(projection.handle(new ListConnectedInstances("t1", "ws")).instances()).isEmpty();
        assertThat(projection.handle(new ListConnectedInstances("t2", "ws")).instances()).hasSize(1);
    }
}
