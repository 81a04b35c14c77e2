package dev.hangar.api.surfaces;

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

/** API-SURFACES.md, "One identity everywhere". */
@HangarHttpTest
class OneIdentityHttpTest {

    @LocalServerPort
    int port;
    HangarClient client;

    @BeforeEach
    void client() {
        client = new HangarClient(port);
    }

    @Test
    void aDatabasesUserLogsInOnPlatformV1WithADerivedUsername() {
        String local = unique("maria.");
        String email = local + "@example.com";
        Response registered = client.post("/api/auth/register", Map.of("email", email, "password", "SecurePass123!"));
        assertThat(registered.status()).isEqualTo(201);

        Response login = client.post("/api/v1/auth/login", Map.of("username", email, "password", "SecurePass123!"));
        assertThat(login.status()).isEqualTo(200);
        String username = login.body().path("user").path("username").asText();
        assertThat(username).isEqualTo(local.replace('.', '_'));
        assertThat(client.post("/api/v1/auth/login", Map.of("username", username, "password", "SecurePass123!"))
                .status()).isEqualTo(200);
        Response me = client.get("/api/v1/users/me", registered.text("token"));
        assertThat(me.text("id")).isEqualTo(registered.text("userId"));
        assertThat(me.text("tenant_url")).isEqualTo(local.replace('.', '-'));
    }

    @Test
    void aPlatformUserLogsInOnDatabasesAndEveryTokenWorksEverywhere() {
        User user = client.newPlatformUser();
        Response login = client.post("/api/auth/login", Map.of("email", user.email(), "password", user.password()));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body().path("user").path("id").asText()).isEqualTo(user.id());

        for (String token : new String[] {user.token(), login.text("token")}) {
            assertThat(client.get("/api/v1/users/me", token).status()).isEqualTo(200);
            assertThat(client.get("/api/auth/profile", token).status()).isEqualTo(200);
            assertThat(client.get("/api/plans/current", token).status()).isEqualTo(200);
        }
    }

    @Test
    void tenantSlugsAreUniqueWithNumberedSuffixes() {
        String base = unique("acme");
        Response first = client.post("/api/v1/auth/register", Map.of("username", base + ".io", "email",
                unique("a") + "@example.com", "password", "Password1!"));
        Response second = client.post("/api/v1/auth/register", Map.of("username", base + "-io", "email",
                unique("b") + "@example.com", "password", "Password1!"));
        Response third = client.post("/api/v1/auth/register", Map.of("username", base.toUpperCase() + "_IO", "email",
                unique("c") + "@example.com", "password", "Password1!"));

        assertThat(first.body().path("user").path("tenant_url").asText()).isEqualTo(base + "-io");
        assertThat(second.body().path("user").path("tenant_url").asText()).isEqualTo(base + "-io-2");
        assertThat(third.body().path("user").path("tenant_url").asText()).isEqualTo(base + "-io-3");
    }
}
