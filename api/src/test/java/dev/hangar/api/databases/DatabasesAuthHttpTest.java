package dev.hangar.api.databases;

import static dev.hangar.api.support.HangarClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.api.support.HangarClient;
import dev.hangar.api.support.HangarClient.Response;
import dev.hangar.api.support.HangarHttpTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@HangarHttpTest
class DatabasesAuthHttpTest {

    @LocalServerPort
    int port;
    HangarClient client;

    @BeforeEach
    void client() {
        client = new HangarClient(port);
    }

    private Response register(String email, String password) {
        return client.post("/api/auth/register", Map.of("email", email, "password", password, "name", "John Doe",
                "userType", "INDIVIDUAL"));
    }

    static void assertDatabasesError(Response r, int status, String code, String path) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.text("error")).isEqualTo(code);
        assertThat(r.text("message")).isNotBlank();
        assertThat(r.text("timestamp")).isNotBlank();
        assertThat(r.text("path")).isEqualTo(path);
    }

    @Test
    void registerAnswers201WithAWorkingToken() {
        String email = unique("db") + "@example.com";
        Response r = register(email, "SecurePass123!");

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.text("userId")).isNotBlank();
        assertThat(r.text("email")).isEqualTo(email);
        assertThat(r.text("name")).isEqualTo("John Doe");
        assertThat(r.text("userType")).isEqualTo("INDIVIDUAL");
        Response profile = client.get("/api/auth/profile", r.text("token"));
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.text("id")).isEqualTo(r.text("userId"));
    }

    @Test
    void thePasswordPolicyAndTheOtherRulesAnswerValidationError() {
        String email = unique("db") + "@example.com";
        for (String weak : new String[] {"Short1!", "nouppercase1!", "NoNumber!!", "NoSpecial123"}) {
            assertDatabasesError(register(email, weak), 400, "VALIDATION_ERROR", "/api/auth/register");
        }
        assertDatabasesError(register("not-an-email", "SecurePass123!"), 400, "VALIDATION_ERROR", "/api/auth/register");
        assertDatabasesError(client.post("/api/auth/register", Map.of("email", email, "password", "SecurePass123!",
                "userType", "ALIEN")), 400, "VALIDATION_ERROR", "/api/auth/register");
        assertDatabasesError(client.post("/api/auth/register", "{oops"), 400, "VALIDATION_ERROR", "/api/auth/register");
        // nothing was kept by the refusals
        assertThat(register(email, "SecurePass123!").status()).isEqualTo(201);
    }

    @Test
    void emailsAreUniqueCaseInsensitively() {
        String email = unique("dup") + "@example.com";
        assertThat(register(email, "SecurePass123!").status()).isEqualTo(201);
        assertDatabasesError(register(email.toUpperCase(), "SecurePass123!"), 400, "VALIDATION_ERROR",
                "/api/auth/register");
    }

    @Test
    void loginAnswersTokenUserAndPlan() {
        String email = unique("db") + "@example.com";
        register(email, "SecurePass123!");
        Response r = client.post("/api/auth/login", Map.of("email", email, "password", "SecurePass123!"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("token")).isNotBlank();
        assertThat(r.body().path("user").path("email").asText()).isEqualTo(email);
        assertThat(r.body().path("user").path("name").asText()).isEqualTo("John Doe");
        assertThat(r.body().path("user").path("userType").asText()).isEqualTo("INDIVIDUAL");
        assertThat(r.body().path("plan").path("name").asText()).isEqualTo("FREE");
        assertThat(r.body().path("plan").path("maxInstances").asInt()).isEqualTo(2);
    }

    @Test
    void badCredentialsAre401InvalidCredentials() {
        String email = unique("db") + "@example.com";
        register(email, "SecurePass123!");
        assertDatabasesError(client.post("/api/auth/login", Map.of("email", email, "password", "Wrong123!")), 401,
                "INVALID_CREDENTIALS", "/api/auth/login");
        assertDatabasesError(client.post("/api/auth/login", Map.of("email", unique("none") + "@x.io",
                "password", "Wrong123!")), 401, "INVALID_CREDENTIALS", "/api/auth/login");
        assertDatabasesError(client.post("/api/auth/login", Map.of("email", email)), 400, "VALIDATION_ERROR",
                "/api/auth/login");
    }

    @Test
    void profileShowsPlanUsageAndTenant() {
        String email = unique("prof") + "@example.com";
        String token = register(email, "SecurePass123!").text("token");
        Response p = client.get("/api/auth/profile", token);

        assertThat(p.status()).isEqualTo(200);
        assertThat(p.text("email")).isEqualTo(email);
        assertThat(p.text("name")).isEqualTo("John Doe");
        assertThat(p.text("userType")).isEqualTo("INDIVIDUAL");
        assertThat(p.body().path("plan").path("name").asText()).isEqualTo("FREE");
        assertThat(p.body().path("plan").path("maxInstances").asInt()).isEqualTo(2);
        assertThat(p.body().path("plan").path("currentUsage").asInt()).isEqualTo(0);
        assertThat(p.text("createdAt")).isNotBlank();
        assertThat(p.text("tenant_id")).isNotBlank();
        assertThat(p.text("tenant_url")).isNotBlank();
    }

    @Test
    void profileWithoutTokenIs401Unauthorized() {
        assertDatabasesError(client.get("/api/auth/profile"), 401, "UNAUTHORIZED", "/api/auth/profile");
        assertDatabasesError(client.get("/api/auth/profile", "eyJ.bad.token"), 401, "UNAUTHORIZED", "/api/auth/profile");
    }
}
