package dev.hangar.api.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hangar.api.support.HangarClient;
import dev.hangar.api.support.HangarClient.Response;
import dev.hangar.api.support.HangarHttpTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 14, "lockout that cannot deny service": delays per account and address and per address, the
 * same answer for unknown and known accounts, never an account lock for the configured admin, and a
 * bound on registrations per address. Its own application, with small limits; a second client
 * address is 127.0.0.2 (all of 127/8 is the loopback).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "hangar.data-dir=target/test-data/throttle-${random.uuid}",
    "hangar.security.bcrypt-strength=4",
    "hangar.rate-limit.requests-per-minute=1000000",
    "hangar.admin.email=" + HangarHttpTest.ADMIN_EMAIL,
    "hangar.admin.password=" + HangarHttpTest.ADMIN_PASSWORD,
    "hangar.security.max-failed-logins=4",
    "hangar.throttle.failures-per-account-and-address=3",
    "hangar.throttle.failures-per-address=8",
    "hangar.throttle.first-delay=30s",
    "hangar.throttle.registrations-per-address-per-hour=3",
    "hangar.provisioning.pull-policy=never"
})
class ThrottleHttpTest {

    @LocalServerPort
    int port;

    static final String PASSWORD = "Password1!";

    @Test
    void delaysSlowTheGuesserOnlyAndTellNothing() throws IOException {
        HangarClient client = new HangarClient(port);
        String u1 = HangarClient.unique("th_");
        assertThat(client.post("/api/v1/auth/register", Map.of("username", u1, "email", u1 + "@example.com",
                "password", PASSWORD)).status()).isEqualTo(201);
        String u2 = HangarClient.unique("th2_") + "@example.com";
        assertThat(client.post("/api/auth/register", Map.of("email", u2, "password", PASSWORD)).status()).isEqualTo(201);

        // three wrong passwords from one address delay that account from that address ...
        for (int i = 0; i < 3; i++) {
            Response wrong = client.post("/api/v1/auth/login", Map.of("username", u1, "password", "wrong" + i));
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.text("error")).isEqualTo("Invalid credentials");
        }
        Response delayed = client.post("/api/v1/auth/login", Map.of("username", u1, "password", PASSWORD));
        assertThat(delayed.status()).isEqualTo(429);
        // ... and an account that does not exist answers exactly alike
        String ghost = HangarClient.unique("ghost_");
        for (int i = 0; i < 3; i++) {
            Response wrong = client.post("/api/v1/auth/login", Map.of("username", ghost, "password", "wrong" + i));
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.text("error")).isEqualTo("Invalid credentials");
        }
        Response ghostDelayed = client.post("/api/v1/auth/login", Map.of("username", ghost, "password", PASSWORD));
        assertThat(ghostDelayed.status()).isEqualTo(429);
        assertThat(ghostDelayed.text("error")).isEqualTo(delayed.text("error"));

        // the owner, from another address, logs in as usual
        assertThat(fromOtherAddress("/api/v1/auth/login", "{\"username\":\"" + u1 + "\",\"password\":\"" + PASSWORD + "\"}")
                .status()).isEqualTo(200);

        // the configured admin: six failures (past max-failed-logins) lock nothing
        for (int i = 0; i < 6; i++) {
            assertThat(fromOtherAddress("/api/v1/auth/login", "{\"username\":\"" + HangarHttpTest.ADMIN_EMAIL
                    + "\",\"password\":\"nope" + i + "\"}").status()).isEqualTo(401);
        }
        assertThat(fromOtherAddress("/api/v1/auth/login", "{\"username\":\"" + HangarHttpTest.ADMIN_EMAIL
                + "\",\"password\":\"" + HangarHttpTest.ADMIN_PASSWORD + "\"}").status()).isEqualTo(200);

        // registrations: the third from this address passes, the fourth is refused in each surface's body
        String u3 = HangarClient.unique("th3_") + "@example.com";
        assertThat(client.post("/api/auth/register", Map.of("email", u3, "password", PASSWORD)).status()).isEqualTo(201);
        String u4 = HangarClient.unique("th4_") + "@example.com";
        Response refused = client.post("/api/auth/register", Map.of("email", u4, "password", PASSWORD));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.text("error")).isEqualTo("TOO_MANY_REGISTRATIONS");
        Response refusedV1 = client.post("/api/v1/auth/register", Map.of("username", HangarClient.unique("th5_"),
                "email", u4, "password", PASSWORD));
        assertThat(refusedV1.status()).isEqualTo(429);
        assertThat(refusedV1.body().path("error").isTextual()).isTrue();
        // nothing was stored for the refused registration: from elsewhere the email registers fine
        assertThat(fromOtherAddress("/api/auth/register", "{\"email\":\"" + u4 + "\",\"password\":\"" + PASSWORD + "\"}")
                .status()).isEqualTo(201);

        // per address, whatever the account: two more failures make eight, then every login from here waits
        for (int i = 0; i < 2; i++) {
            assertThat(client.post("/api/auth/login", Map.of("email", HangarClient.unique("x_") + "@example.com",
                    "password", "wrong")).status()).isEqualTo(401);
        }
        Response addressDelayed = client.post("/api/auth/login", Map.of("email", u2, "password", PASSWORD));
        assertThat(addressDelayed.status()).isEqualTo(429);
        assertThat(addressDelayed.text("error")).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(fromOtherAddress("/api/auth/login", "{\"email\":\"" + u2 + "\",\"password\":\"" + PASSWORD + "\"}")
                .status()).isEqualTo(200);
    }

    record Answer(int status, String body) {
    }

    /** A POST from 127.0.0.2, over a plain socket (the JDK's HTTP client cannot pick its source address). */
    Answer fromOtherAddress(String path, String json) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress("127.0.0.2", 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(30000);
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(9, 12));
            return new Answer(status, answer);
        }
    }
}
