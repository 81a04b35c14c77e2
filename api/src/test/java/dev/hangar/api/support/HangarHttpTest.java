package dev.hangar.api.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a random port, on its embedded defaults (H2 file in a fresh data
 * directory, in-process MongoDB wire-protocol server), driving the real Docker engine with the
 * local engine images. Every class carrying this annotation shares
 * one running application. Rate limiting is raised so tests don't throttle each other; the rate
 * limit test runs its own application at the default.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "hangar.data-dir=target/test-data/http-${random.uuid}",
    "hangar.rate-limit.requests-per-minute=1000000",
    // every test registers and fails logins from one address; the throttle test runs its own application
    "hangar.throttle.registrations-per-address-per-hour=1000000",
    "hangar.throttle.failures-per-address=1000000",
    "hangar.throttle.failures-per-account-and-address=1000000",
    "hangar.security.max-failed-logins=5",
    "hangar.security.bcrypt-strength=4",
    "hangar.admin.email=" + HangarHttpTest.ADMIN_EMAIL,
    "hangar.admin.password=" + HangarHttpTest.ADMIN_PASSWORD,
    "hangar.engines.postgresql.image=" + HangarHttpTest.POSTGRES_IMAGE,
    "hangar.engines.mysql.image=" + HangarHttpTest.MYSQL_IMAGE,
    "hangar.engines.redis.image=" + HangarHttpTest.REDIS_IMAGE,
    // no registry here: an image that is not on the host makes its engine unavailable
    "hangar.provisioning.pull-policy=never",
    // status webhooks reach the tests' own receivers on loopback; retries come quickly
    "hangar.webhooks.allow-loopback=true",
    "hangar.webhooks.first-retry-delay=500ms",
    "hangar.webhooks.max-retry-delay=2s",
    "hangar.webhooks.max-attempts=4"
})
public @interface HangarHttpTest {
    String ADMIN_EMAIL = "admin@hangar.test";
    String ADMIN_PASSWORD = "Admin123!";
    /** Local images built by scripts/build-images.sh, honouring the official images' contracts. */
    String POSTGRES_IMAGE = "hangar/postgres:15";
    String MYSQL_IMAGE = "hangar/mariadb:10.11";
    String REDIS_IMAGE = "hangar/redis:7";
}
