package dev.hangar.api.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.api.support.HangarClient;
import dev.hangar.api.support.HangarClient.Response;
import dev.hangar.api.support.HangarClient.User;
import dev.hangar.api.support.HangarHttpTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 14, "tokens that can be ended": logout on both auth surfaces, deactivation for good. */
@HangarHttpTest
class SessionEndHttpTest {

    @LocalServerPort
    int port;
    HangarClient client;

    @BeforeEach
    void client() {
        client = new HangarClient(port);
    }

    @Test
    void platformLogoutEndsThatSessionAtOnceAndNoOther() {
        User first = client.newPlatformUser();
        User second = client.logIn(first.username(), first.password());

        Response out = client.post("/api/v1/auth/logout", null, first.token());
        assertThat(out.status()).as(out.raw()).isEqualTo(200);
        assertThat(out.text("message")).isNotBlank();

        Response me = client.get("/api/v1/users/me", first.token());
        assertThat(me.status()).isEqualTo(401);
        assertThat(me.body().path("error").isTextual()).isTrue();
        Response refresh = client.post("/api/v1/auth/refresh", Map.of("refresh_token", first.refreshToken()));
        assertThat(refresh.status()).isEqualTo(401);
        // and on every other surface too
        assertThat(client.get("/api/auth/profile", first.token()).status()).isEqualTo(401);

        assertThat(client.get("/api/v1/users/me", second.token()).status()).isEqualTo(200);
        assertThat(client.post("/api/v1/auth/refresh", Map.of("refresh_token", second.refreshToken())).status())
                .isEqualTo(200);
        // logging out twice: the token is already refused
        assertThat(client.post("/api/v1/auth/logout", null, first.token()).status()).isEqualTo(401);
        assertThat(client.post("/api/v1/auth/logout", null).status()).isEqualTo(401);
    }

    @Test
    void databasesLogoutEndsTheSessionOfTheRegistrationToken() {
        String email = HangarClient.unique("dbl_") + "@example.com";
        Response registered = client.post("/api/auth/register", Map.of("email", email, "password", "Password1!"));
        assertThat(registered.status()).isEqualTo(201);
        String token = registered.text("token");
        assertThat(client.get("/api/auth/profile", token).status()).isEqualTo(200);

        Response loggedIn = client.post("/api/auth/login", Map.of("email", email, "password", "Password1!"));
        String other = loggedIn.text("token");

        Response out = client.post("/api/auth/logout", null, token);
        assertThat(out.status()).as(out.raw()).isEqualTo(200);
        Response after = client.get("/api/auth/profile", token);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.text("error")).isEqualTo("UNAUTHORIZED");
        assertThat(client.get("/api/auth/profile", other).status()).isEqualTo(200);
    }

    @Test
    void deactivationEndsEverySessionForGood() {
        User admin = client.admin();
        User user = client.newPlatformUser();
        User another = client.logIn(user.username(), user.password());

        assertThat(client.put("/api/v1/admin/users/" + user.id() + "/deactivate", null, admin.token()).status())
                .isEqualTo(200);
        assertThat(client.get("/api/v1/users/me", user.token()).status()).isEqualTo(401);
        assertThat(client.put("/api/v1/admin/users/" + user.id() + "/activate", null, admin.token()).status())
                .isEqualTo(200);

        // reactivation does not revive what was issued before
        for (User old : new User[] {user, another}) {
            assertThat(client.get("/api/v1/users/me", old.token()).status()).isEqualTo(401);
            assertThat(client.get("/api/databases", old.token()).status()).isEqualTo(401);
            assertThat(client.post("/api/v1/auth/refresh", Map.of("refresh_token", old.refreshToken())).status())
                    .isEqualTo(401);
        }
        // a new login works at once, even within the second of the reactivation
        User again = client.logIn(user.username(), user.password());
        assertThat(client.get("/api/v1/users/me", again.token()).status()).isEqualTo(200);
    }
}
