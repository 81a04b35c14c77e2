package dev.hangar.api.surfaces;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.api.support.HangarClient;
import dev.hangar.api.support.HangarClient.Response;
import dev.hangar.api.support.HangarClient.User;
import dev.hangar.api.support.HangarHttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Its own application, at the default limit of 100 requests a minute. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "hangar.data-dir=target/test-data/ratelimit-${random.uuid}",
    "hangar.security.bcrypt-strength=4"
})
class RateLimitHttpTest {

    @LocalServerPort
    int port;

    @Test
    void theHundredAndFirstRequestOfAUserInAMinuteIs429AndOtherCallersAreUnaffected() {
        HangarClient client = new HangarClient(port);
        User user = client.newPlatformUser(); // two requests from this address
        int before = Integer.parseInt(client.get("/api/v1/users/me", user.token()).header("X-RateLimit-Remaining"));
        assertThat(before).isEqualTo(99);
        for (int i = 0; i < 99; i++) {
            Response r = client.get("/api/v1/users/me", user.token());
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("X-RateLimit-Remaining")).isEqualTo(String.valueOf(98 - i));
        }
        Response limited = client.get("/api/v1/users/me", user.token());
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(limited.header("Retry-After")).isNotNull();
        assertThat(limited.text("error")).startsWith("Too many requests");

        Response databases = client.get("/api/plans/current", user.token());
        assertThat(databases.status()).isEqualTo(429);
        assertThat(databases.text("error")).isEqualTo("RATE_LIMITED");
        Response instances = client.get("/api/instances", user.token());
        assertThat(instances.body().path("error").path("code").asText()).isEqualTo("RATE_LIMITED");

        // anonymous callers from this address and other users have their own buckets
        assertThat(client.get("/health").status()).isEqualTo(200);
        User other = client.logIn(user.username(), user.password());
        assertThat(other.token()).isNotBlank();
    }
}
