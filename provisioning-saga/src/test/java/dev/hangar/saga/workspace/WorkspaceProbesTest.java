package dev.hangar.saga.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.kernel.workspace.InstanceConnection;
import dev.hangar.kernel.workspace.InstanceHealth;
import dev.hangar.kernel.workspace.InstanceType;
import dev.hangar.kernel.workspace.SslMode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Probes against loopback sockets only: a closed port, and one that accepts and never answers. */
class WorkspaceProbesTest {

    final ConnectionProbes probes = new ConnectionProbes(Duration.ofSeconds(2));

    static ConnectionProbes.Target target(InstanceType type, int port) throws Exception {
        return new ConnectionProbes.Target(new InstanceConnection(type, "127.0.0.1", port, "app", "v1:x", false,
                SslMode.PREFER, null, null, null, 1), InetAddress.getByName("127.0.0.1"), "s3cret!", null);
    }

    static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    @Test
    void aClosedPortIsRefusedForEveryType() throws Exception {
        int port = closedPort();
        for (InstanceType type : InstanceType.values()) {
            ProbeOutcome outcome = probes.probe(target(type, port));
            assertThat(outcome.status()).as(type.key()).isEqualTo(InstanceHealth.UNHEALTHY);
            assertThat(outcome.message()).as(type.key()).isEqualTo("Connection refused by 127.0.0.1:" + port);
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOutWithinTheBound() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (Exception ignored) {
                    // closed
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            for (InstanceType type : InstanceType.values()) {
                long start = System.nanoTime();
                ProbeOutcome outcome = probes.probe(target(type, silent.getLocalPort()));
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertThat(outcome.message()).as(type.key())
                        .isEqualTo("Timed out after 2 s connecting to 127.0.0.1:" + silent.getLocalPort());
                assertThat(millis).as(type.key()).isLessThan(6_000);
            }
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void theGuardRefusesLinkLocalMetadataAndLoopbackUnlessAllowed() throws Exception {
        AddressGuard guard = new AddressGuard(List.of("10.0.0.0/8"), List.of());
        assertThat(guard.refusal(InetAddress.getByName("169.254.169.254"))).get().asString()
                .contains("169.254.169.254").contains("169.254.0.0/16");
        assertThat(guard.refusal(InetAddress.getByName("fe80::1"))).isPresent();
        assertThat(guard.refusal(InetAddress.getByName("::ffff:169.254.169.254"))).isPresent();
        assertThat(guard.refusal(InetAddress.getByName("127.0.0.1"))).isPresent();
        assertThat(guard.refusal(InetAddress.getByName("10.1.2.3"))).isPresent();
        assertThat(guard.refusal(InetAddress.getByName("192.0.2.10"))).isEmpty();
        AddressGuard open = new AddressGuard(List.of(), List.of("127.0.0.1/32"));
        assertThat(open.refusal(InetAddress.getByName("127.0.0.1"))).isEmpty();
        assertThat(open.refusal(InetAddress.getByName("127.0.0.2"))).isPresent();
    }
}
