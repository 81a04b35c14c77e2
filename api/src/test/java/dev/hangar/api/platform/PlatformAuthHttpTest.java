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
class PlatformAuthHttpTest {

    @LocalServerPort
    int port;
    HangarClient client;

    @BeforeEach
    void client() {
        client = new HangarClient(port);
    }

    @Test
    void registerAnswers201WithTheDocumentsUserObject() {
        String username = unique("john_");
        Response r = client.post("/api/v1/auth/register", Map.of("username", username, "email", username + "@Example.COM",
                "password", "securepassword123", "first_name", "John", "last_name", "Doe"));

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.text("message")).isEqualTo("User registered successfully");
        var user = r.body().path("user");
        assertThat(user.path("id").asText()).matches("[0-9a-f-]{36}");
        assertThat(user.path("username").asText()).isEqualTo(username);
        assertThat(user.path("email").asText()).isEqualTo(username + "@example.com");
        assertThat(user.path("first_name").asText()).isEqualTo("John");
        assertThat(user.path("last_name").asText()).isEqualTo("Doe");
        assertThat(user.path("role").asText()).isEqualTo("user");
        assertThat(user.path("is_active").asBoolean()).isTrue();
        assertThat(user.path("tenant_url").asText()).isEqualTo(username.replace('_', '-'));
        assertThat(user.has("created_at")).isTrue();
        assertThat(user.has("updated_at")).isTrue();
        assertThat(r.raw()).doesNotContain("securepassword123").doesNotContain("password");
    }

    @Test
    void duplicateUsernameOrEmailIs400() {
        User existing = client.newPlatformUser();
        Response sameUsername = client.post("/api/v1/auth/register", Map.of("username", existing.username(),
                "email", unique("x") + "@example.com", "password", "securepassword123"));
        Response sameEmail = client.post("/api/v1/auth/register", Map.of("username", unique("other_"),
                "email", existing.email().toUpperCase(), "password", "securepassword123"));

        assertThat(sameUsername.status()).isEqualTo(400);
        assertThat(sameUsername.text("error")).isEqualTo("Username or email already exists");
        assertThat(sameEmail.status()).isEqualTo(400);
        assertThat(sameEmail.text("error")).isEqualTo("Username or email already exists");
    }

    @Test
    void invalidRegistrationsAre400InThePlatformErrorBody() {
        for (Object body : new Object[] {
            Map.of("email", "a@example.com", "password", "securepassword123"),
            Map.of("username", unique("u"), "email", "not-an-email", "password", "securepassword123"),
            Map.of("username", unique("u"), "email", unique("e") + "@example.com", "password", "short"),
            Map.of("username", "bad name!", "email", unique("e") + "@example.com", "password", "securepassword123"),
            "{\"username\": ", "", "null", "[1,2]"}) {
            Response r = client.post("/api/v1/auth/register", body);
            assertThat(r.status()).as("body %s", body).isEqualTo(400);
            assertThat(r.body().path("error").isTextual()).as("body %s -> %s", body, r.raw()).isTrue();
            assertThat(r.body().size()).isEqualTo(1);
        }
    }

    @Test
    void loginTakesAUsernameOrAnEmail() {
        User user = client.newPlatformUser();
        for (String login : new String[] {user.username(), user.email(), user.email().toUpperCase()}) {
            Response r = client.post("/api/v1/auth/login", Map.of("username", login, "password", user.password()));
            assertThat(r.status()).as(login).isEqualTo(200);
            assertThat(r.text("token")).isNotBlank();
            assertThat(r.text("refresh_token")).isNotBlank();
            assertThat(r.text("expires_at")).isNotBlank();
            assertThat(r.body().path("user").path("id").asText()).isEqualTo(user.id());
            assertThat(r.body().path("user").path("is_active").asBoolean()).isTrue();
            assertThat(r.body().path("user").path("role").asText()).isEqualTo("user");
        }
    }

    @Test
    void wrongPasswordAndUnknownUserAre401() {
        User user = client.newPlatformUser();
        Response wrong = client.post("/api/v1/auth/login", Map.of("username", user.username(), "password", "nope-nope"));
        Response unknown = client.post("/api/v1/auth/login", Map.of("username", unique("ghost"), "password", "whatever1"));
        Response missing = client.post("/api/v1/auth/login", Map.of("username", user.username()));

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.text("error")).isEqualTo("Invalid credentials");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.text("error")).isEqualTo("Invalid credentials");
        assertThat(missing.status()).isEqualTo(400);
    }

    @Test
    void repeatedFailedLoginsLockTheAccountEvenForTheRightPassword() {
        User user = client.newPlatformUser();
        for (int i = 0; i < 5; i++) {
            assertThat(client.post("/api/v1/auth/login", Map.of("username", user.username(), "password", "guess" + i))
                    .status()).isEqualTo(401);
        }
        Response locked = client.post("/api/v1/auth/login", Map.of("username", user.username(), "password", user.password()));

        assertThat(locked.status()).isEqualTo(401);
        // the same answer as a wrong password or an unknown account: a lock tells no one the account exists
        assertThat(locked.text("error")).isEqualTo("Invalid credentials");
        // visible to admins
        HangarClient.User admin = client.admin();
        Response list = client.get("/api/v1/admin/users?limit=1000", admin.token());
        assertThat(list.status()).isEqualTo(200);
        var listed = java.util.stream.StreamSupport.stream(list.body().path("users").spliterator(), false)
                .filter(u -> u.path("id").asText().equals(user.id())).findFirst().orElseThrow();
        assertThat(listed.path("locked_until").asText()).isNotBlank();
    }

    @Test
    void refreshRotatesAndAReusedTokenRevokesTheWholeFamily() {
        User user = client.newPlatformUser();

        Response first = client.post("/api/v1/auth/refresh", Map.of("refresh_token", user.refreshToken()));
        assertThat(first.status()).isEqualTo(200);
        String second = first.text("refresh_token");
        assertThat(second).isNotEqualTo(user.refreshToken());
        assertThat(first.text("token")).isNotBlank();
        assertThat(first.body().path("user").path("id").asText()).isEqualTo(user.id());
        assertThat(client.get("/api/v1/users/me", first.text("token")).status()).isEqualTo(200);

        Response reuse = client.post("/api/v1/auth/refresh", Map.of("refresh_token", user.refreshToken()));
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.text("error")).isEqualTo("Invalid refresh token");

        Response afterRevocation = client.post("/api/v1/auth/refresh", Map.of("refresh_token", second));
        assertThat(afterRevocation.status()).isEqualTo(401);

        // another session of the same user is untouched
        User other = client.logIn(user.username(), user.password());
        assertThat(client.post("/api/v1/auth/refresh", Map.of("refresh_token", other.refreshToken())).status())
                .isEqualTo(200);
    }

    @Test
    void aStaleTokenDoesNotStopItsHolderFromLoggingInAgain() {
        User user = client.newPlatformUser();
        Response login = client.post("/api/v1/auth/login", Map.of("username", user.username(), "password",
                user.password()), "expired.or.garbage.token");
        assertThat(login.status()).isEqualTo(200);
        assertThat(client.get("/health", "garbage").status()).isEqualTo(200);
        assertThat(client.get("/api/v1/users/me", "garbage").status()).isEqualTo(401);
    }

    @Test
    void garbageOrAccessTokensAreNotRefreshTokens() {
        User user = client.newPlatformUser();
        assertThat(client.post("/api/v1/auth/refresh", Map.of("refresh_token", "garbage")).status()).isEqualTo(401);
        assertThat(client.post("/api/v1/auth/refresh", Map.of("refresh_token", user.token())).status()).isEqualTo(401);
        assertThat(client.post("/api/v1/auth/refresh", Map.of()).status()).isEqualTo(400);
    }
}
