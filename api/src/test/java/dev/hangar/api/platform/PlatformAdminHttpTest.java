package dev.hangar.api.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.api.support.HangarClient;
import dev.hangar.api.support.HangarClient.Response;
import dev.hangar.api.support.HangarClient.User;
import dev.hangar.api.support.HangarHttpTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@HangarHttpTest
class PlatformAdminHttpTest {

    @LocalServerPort
    int port;
    HangarClient client;
    User admin;

    @BeforeEach
    void client() {
        client = new HangarClient(port);
        admin = client.admin();
    }

    @Test
    void theConfiguredAdminIsAnAdmin() {
        Response me = client.get("/api/v1/users/me", admin.token());
        assertThat(me.text("role")).isEqualTo("admin");
        assertThat(me.text("email")).isEqualTo(HangarHttpTest.ADMIN_EMAIL);
    }

    @Test
    void listPagesThroughUsers() {
        client.newPlatformUser();
        client.newPlatformUser();
        Response all = client.get("/api/v1/admin/users?limit=1000", admin.token());
        Response page = client.get("/api/v1/admin/users?limit=1&offset=1", admin.token());
        Response defaults = client.get("/api/v1/admin/users", admin.token());

        assertThat(all.status()).isEqualTo(200);
        long total = all.body().path("total").asLong();
        assertThat(total).isGreaterThanOrEqualTo(3);
        assertThat(all.body().path("users").size()).isEqualTo((int) total);
        assertThat(page.body().path("users").size()).isEqualTo(1);
        assertThat(page.body().path("users").get(0).path("id").asText())
                .isEqualTo(all.body().path("users").get(1).path("id").asText());
        assertThat(page.body().path("limit").asInt()).isEqualTo(1);
        assertThat(page.body().path("offset").asInt()).isEqualTo(1);
        assertThat(defaults.body().path("limit").asInt()).isEqualTo(10);
        assertThat(defaults.body().path("offset").asInt()).isEqualTo(0);
        assertThat(all.body().path("users").get(0).has("tenant_id")).isTrue();
    }

    @Test
    void badPagingIs400() {
        assertThat(client.get("/api/v1/admin/users?limit=0", admin.token()).status()).isEqualTo(400);
        assertThat(client.get("/api/v1/admin/users?offset=-1", admin.token()).status()).isEqualTo(400);
        assertThat(client.get("/api/v1/admin/users?limit=abc", admin.token()).status()).isEqualTo(400);
    }

    @Test
    void nonAdminsAre403AndAnonymousIs401() {
        User user = client.newPlatformUser();
        Response forbidden = client.get("/api/v1/admin/users", user.token());
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.text("error")).isEqualTo("Insufficient permissions");
        assertThat(client.put("/api/v1/admin/users/" + user.id() + "/deactivate", null, user.token()).status())
                .isEqualTo(403);
        assertThat(client.get("/api/v1/admin/users").status()).isEqualTo(401);
    }

    @Test
    void roleChangeHoldsFromTheNextRequest() {
        User user = client.newPlatformUser();
        Response changed = client.put("/api/v1/admin/users/" + user.id() + "/role", Map.of("role", "admin"), admin.token());

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.text("message")).isEqualTo("User role updated successfully");
        assertThat(client.get("/api/v1/admin/users", user.token()).status()).isEqualTo(200);
        assertThat(client.get("/api/v1/users/me", user.token()).text("role")).isEqualTo("admin");

        client.put("/api/v1/admin/users/" + user.id() + "/role", Map.of("role", "tenant_admin"), admin.token());
        assertThat(client.get("/api/v1/admin/users", user.token()).status()).isEqualTo(403);
        assertThat(client.get("/api/v1/users/me", user.token()).text("role")).isEqualTo("tenant_admin");
    }

    @Test
    void deactivationRefusesIssuedTokensAtOnceAndActivationLetsTheUserBackIn() {
        User user = client.newPlatformUser();
        Response deactivated = client.put("/api/v1/admin/users/" + user.id() + "/deactivate", null, admin.token());

        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.text("message")).isEqualTo("User deactivated successfully");
        Response refused = client.get("/api/v1/users/me", user.token());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.text("error")).isEqualTo("Account is inactive");
        assertThat(client.get("/api/auth/profile", user.token()).status()).isEqualTo(401);
        Response login = client.post("/api/v1/auth/login", Map.of("username", user.username(), "password", user.password()));
        assertThat(login.status()).isEqualTo(401);
        assertThat(login.text("error")).isEqualTo("Account is inactive");
        assertThat(client.post("/api/v1/auth/refresh", Map.of("refresh_token", user.refreshToken())).status())
                .isEqualTo(401);

        Response activated = client.put("/api/v1/admin/users/" + user.id() + "/activate", null, admin.token());
        assertThat(activated.status()).isEqualTo(200);
        assertThat(activated.text("message")).isEqualTo("User activated successfully");
        assertThat(client.post("/api/v1/auth/login", Map.of("username", user.username(), "password", user.password()))
                .status()).isEqualTo(200);
        // sessions revoked at deactivation stay revoked
        assertThat(client.post("/api/v1/auth/refresh", Map.of("refresh_token", user.refreshToken())).status())
                .isEqualTo(401);
    }

    @Test
    void malformedIdsAre400UnknownIdsAre404BadRolesAre400() {
        String unknown = UUID.randomUUID().toString();
        assertThat(client.put("/api/v1/admin/users/not-a-uuid/activate", null, admin.token()).status()).isEqualTo(400);
        assertThat(client.put("/api/v1/admin/users/not-a-uuid/role", Map.of("role", "user"), admin.token()).status())
                .isEqualTo(400);
        Response missing = client.put("/api/v1/admin/users/" + unknown + "/deactivate", null, admin.token());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().path("error").isTextual()).isTrue();
        assertThat(client.put("/api/v1/admin/users/" + unknown + "/role", Map.of("role", "user"), admin.token()).status())
                .isEqualTo(404);
        User user = client.newPlatformUser();
        assertThat(client.put("/api/v1/admin/users/" + user.id() + "/role", Map.of("role", "emperor"), admin.token())
                .status()).isEqualTo(400);
        assertThat(client.put("/api/v1/admin/users/" + user.id() + "/role", "{}", admin.token()).status()).isEqualTo(400);
    }
}
