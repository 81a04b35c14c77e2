package dev.hangar.api.platform;

import static dev.hangar.api.support.HangarClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.api.support.HangarClient;
import dev.hangar.api.support.HangarClient.Response;
import dev.hangar.api.support.HangarClient.User;
import dev.hangar.api.support.HangarHttpTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@HangarHttpTest
class PlatformUsersHttpTest {

    @LocalServerPort
    int port;
    HangarClient client;

    @BeforeEach
    void client() {
        client = new HangarClient(port);
    }

    @Test
    void meShowsTheUserWithTenant() {
        User user = client.newPlatformUser();
        Response me = client.get("/api/v1/users/me", user.token());

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("id")).isEqualTo(user.id());
        assertThat(me.text("username")).isEqualTo(user.username());
        assertThat(me.text("first_name")).isEqualTo("Test");
        assertThat(me.text("tenant_id")).matches("[0-9a-f-]{36}");
        assertThat(me.text("tenant_url")).isEqualTo(user.username().replace('_', '-'));
        assertThat(me.body().path("is_active").asBoolean()).isTrue();
    }

    @Test
    void meWithoutOrWithABadTokenIs401() {
        Response none = client.get("/api/v1/users/me");
        Response bad = client.get("/api/v1/users/me", "not.a.jwt");

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.body().path("error").isTextual()).isTrue();
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.text("error")).isEqualTo("Invalid or expired token");
    }

    @Test
    void updateIsVisibleToTheNextReadAndTheNewEmailLogsIn() {
        User user = client.newPlatformUser();
        String newEmail = unique("new") + "@example.com";
        Response updated = client.put("/api/v1/users/me", Map.of("first_name", "Jane", "last_name", "Smith",
                "email", newEmail), user.token());

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.text("first_name")).isEqualTo("Jane");
        assertThat(updated.text("email")).isEqualTo(newEmail);
        Response me = client.get("/api/v1/users/me", user.token());
        assertThat(me.text("last_name")).isEqualTo("Smith");
        assertThat(me.text("email")).isEqualTo(newEmail);
        assertThat(client.post("/api/v1/auth/login", Map.of("username", newEmail, "password", user.password())).status())
                .isEqualTo(200);
        assertThat(client.post("/api/v1/auth/login", Map.of("username", user.email(), "password", user.password()))
                .status()).isEqualTo(401);
        // the old email is free again
        assertThat(client.post("/api/v1/auth/register", Map.of("username", unique("n_"), "email", user.email(),
                "password", "Password1!")).status()).isEqualTo(201);
    }

    @Test
    void updateToAnEmailInUseOrInvalidIs400() {
        User user = client.newPlatformUser();
        User other = client.newPlatformUser();

        Response taken = client.put("/api/v1/users/me", Map.of("email", other.email()), user.token());
        Response invalid = client.put("/api/v1/users/me", Map.of("email", "nope"), user.token());
        Response malformed = client.put("/api/v1/users/me", "{", user.token());

        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.text("error")).isEqualTo("Email already exists");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(client.get("/api/v1/users/me", user.token()).text("email")).isEqualTo(user.email());
    }
}
