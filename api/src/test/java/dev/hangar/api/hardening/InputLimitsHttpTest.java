package dev.hangar.api.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.api.hardening.RawHttp.Answer;
import dev.hangar.api.support.HangarClient;
import dev.hangar.api.support.HangarClient.Response;
import dev.hangar.api.support.HangarClient.User;
import dev.hangar.api.support.HangarHttpTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 14, "every input answered": limits checked before anything is hashed or stored, each in the surface's body. */
@HangarHttpTest
class InputLimitsHttpTest {

    @LocalServerPort
    int port;
    HangarClient client;
    RawHttp raw;

    @BeforeEach
    void clients() {
        client = new HangarClient(port);
        raw = new RawHttp(port);
    }

    /** 36 two-byte characters: 72 bytes, BCrypt's whole input. */
    static final String PASSWORD_72_BYTES = "é".repeat(36);
    static final String PASSWORD_73_BYTES = "Aa1!" + "é".repeat(34) + "x";

    @Test
    void passwordsAreMeasuredInBytes() {
        assertThat(PASSWORD_73_BYTES.getBytes(StandardCharsets.UTF_8)).hasSize(73);
        String name = HangarClient.unique("pw_");
        Response platform = client.post("/api/v1/auth/register", Map.of("username", name, "email", name + "@example.com",
                "password", PASSWORD_73_BYTES));
        assertThat(platform.status()).isEqualTo(400);
        assertThat(platform.text("error")).contains("password");

        Response databases = client.post("/api/auth/register", Map.of("email", name + "@example.com",
                "password", PASSWORD_73_BYTES));
        assertThat(databases.status()).isEqualTo(400);
        assertThat(databases.text("error")).isEqualTo("VALIDATION_ERROR");
        assertThat(databases.text("message")).contains("password");

        // nothing was stored for the refused registrations: the email is still free
        Response ok = client.post("/api/v1/auth/register", Map.of("username", name, "email", name + "@example.com",
                "password", PASSWORD_72_BYTES));
        assertThat(ok.status()).isEqualTo(201);
        assertThat(client.logIn(name, PASSWORD_72_BYTES).token()).isNotBlank();
        // the 73rd byte is not silently dropped: a longer password is simply wrong
        Response longer = client.post("/api/v1/auth/login", Map.of("username", name, "password", PASSWORD_72_BYTES + "x"));
        assertThat(longer.status()).isEqualTo(401);
    }

    @Test
    void anEmptyEmailIsRefusedAndTheOldOneKept() {
        User user = client.newPlatformUser();
        for (String bad : new String[] {"", "   ", "no-at-sign", "a@b"}) {
            Response r = client.put("/api/v1/users/me", Map.of("email", bad), user.token());
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.text("error")).contains("email");
        }
        assertThat(client.get("/api/v1/users/me", user.token()).text("email")).isEqualTo(user.email());
    }

    @Test
    void aLongestEmailIsStoredAndALongerOneRefused() {
        String local = HangarClient.unique("l").repeat(7).substring(0, 62);
        String domain = "d".repeat(62) + "." + "e".repeat(62) + "." + "f".repeat(61) + ".com";
        String email = local + "@" + domain;
        assertThat(email).hasSize(254);
        Response registered = client.post("/api/auth/register", Map.of("email", email, "password", "Password1!"));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        assertThat(registered.text("email")).isEqualTo(email);
        assertThat(client.post("/api/auth/login", Map.of("email", email, "password", "Password1!")).status())
                .isEqualTo(200);
        // and the same email again is a clean refusal, not a storage failure
        assertThat(client.post("/api/auth/register", Map.of("email", email, "password", "Password1!")).status())
                .isEqualTo(400);

        Response longer = client.post("/api/auth/register", Map.of("email", "x" + email, "password", "Password1!"));
        assertThat(longer.status()).isEqualTo(400);
        assertThat(longer.text("message")).contains("email");

        User user = client.newPlatformUser();
        String other = HangarClient.unique("m").repeat(8).substring(0, 62) + "@" + domain;
        Response changed = client.put("/api/v1/users/me", Map.of("email", other), user.token());
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.text("email")).isEqualTo(other);
    }

    @Test
    void bodiesOverTheLimitAnswer413InTheSurfaceBody() {
        String big = "{\"username\":\"" + "a".repeat(300 * 1024) + "\"}";
        Answer platform = raw.json("POST", "/api/v1/auth/login", big, null);
        assertThat(platform.status()).isEqualTo(413);
        assertThat(platform.body().path("error").asText()).isEqualTo("Request body too large");

        Answer databases = raw.json("POST", "/api/auth/login", big, null);
        assertThat(databases.status()).isEqualTo(413);
        assertThat(databases.body().path("error").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(databases.body().path("path").asText()).isEqualTo("/api/auth/login");

        Answer chunked = raw.send("POST", "/api/databases", Map.of("Content-Type", "application/json"),
                big.getBytes(StandardCharsets.UTF_8), true);
        assertThat(chunked.status()).isIn(401, 413);
        User user = client.newPlatformUser();
        Answer chunkedAuthed = raw.send("POST", "/api/databases", Map.of("Content-Type", "application/json",
                "Authorization", "Bearer " + user.token()), big.getBytes(StandardCharsets.UTF_8), true);
        assertThat(chunkedAuthed.status()).isEqualTo(413);
        assertThat(chunkedAuthed.body().path("error").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void unknownPathMethodMediaTypeAndAcceptAnswer4xxInTheSurfaceBody() {
        User user = client.newPlatformUser();
        Answer error = raw.send("GET", "/error", Map.of(), null, false);
        assertThat(error.status()).isEqualTo(404);
        Answer errorPost = raw.json("POST", "/error", "{}", null);
        assertThat(errorPost.status()).isEqualTo(404);

        Answer method = raw.json("PATCH", "/api/v1/auth/login", "{}", null);
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.body().path("error").isTextual()).isTrue();

        Answer media = raw.send("POST", "/api/auth/login", Map.of("Content-Type", "text/plain"),
                "hello".getBytes(StandardCharsets.UTF_8), false);
        assertThat(media.status()).isEqualTo(415);
        assertThat(media.body().path("error").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");

        Answer accept = raw.send("GET", "/api/v1/users/me", Map.of("Accept", "application/xml",
                "Authorization", "Bearer " + user.token()), null, false);
        assertThat(accept.status()).isEqualTo(406);

        Answer path = raw.send("GET", "/api/databases/x/y/z", Map.of("Authorization", "Bearer " + user.token()), null,
                false);
        assertThat(path.status()).isEqualTo(404);
        assertThat(path.body().path("error").asText()).isEqualTo("NOT_FOUND");
    }
}
