package dev.hangar.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.hangar.api.config.HangarProperties;
import dev.hangar.kernel.common.Emails;
import dev.hangar.kernel.common.HangarException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Per client address, on this node: growing delays after failed logins (per account and address, and
 * per address whatever the account), and a bound on registrations an hour. A delay answers 429 with
 * the same words whether the account exists or not, and it only slows the address that failed: the
 * account's owner elsewhere logs in as usual. The configured admin's login is never delayed per
 * account; the per-address delay still slows whoever guesses at it.
 */
@Component
public class LoginThrottle {

    private record Failures(int count, Instant delayedUntil) {
    }

    private final HangarProperties.Throttle settings;
    private final String adminLogin;
    private final Clock clock;
    private final Cache<String, Failures> failures;
    private final Cache<String, Bucket> registrations;

    @Autowired
    public LoginThrottle(HangarProperties properties) {
        this(properties, Clock.systemUTC());
    }

    LoginThrottle(HangarProperties properties, Clock clock) {
        this.settings = properties.throttle();
        this.adminLogin = properties.admin() == null ? null : Emails.normalize(properties.admin().email());
        this.clock = clock;
        Duration keep = settings.maxDelay().multipliedBy(2).plusHours(1);
        this.failures = Caffeine.newBuilder().expireAfterAccess(keep).maximumSize(200_000).build();
        this.registrations = Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(2)).maximumSize(200_000).build();
    }

    /** Refuses (429) a login from {@code address} while a delay holds. */
    public void checkLogin(String address, String login) {
        Instant now = clock.instant();
        for (String key : keys(address, login)) {
            Failures f = failures.getIfPresent(key);
            if (f != null && f.delayedUntil() != null && now.isBefore(f.delayedUntil())) {
                long seconds = Math.max(1, Duration.between(now, f.delayedUntil()).toSeconds());
                throw new HangarException(HangarException.Kind.RATE_LIMITED, "TOO_MANY_ATTEMPTS",
                        "Too many failed logins; try again in " + seconds + " s");
            }
        }
    }

    public void loginFailed(String address, String login) {
        Instant now = clock.instant();
        String[] keys = keys(address, login);
        for (int i = 0; i < keys.length; i++) {
            int threshold = keys[i].startsWith("a|") ? settings.failuresPerAddress() : settings.failuresPerAccountAndAddress();
            failures.asMap().compute(keys[i], (k, f) -> {
                int count = f == null ? 1 : f.count() + 1;
                Instant until = count >= threshold ? now.plus(delay(count - threshold)) : null;
                return new Failures(count, until);
            });
        }
    }

    /** A successful login clears that account's failures from that address. */
    public void loginSucceeded(String address, String login) {
        failures.invalidate(accountKey(address, login));
    }

    /** Refuses (429) a registration past the configured number per address an hour. */
    public void checkRegistration(String address) {
        int perHour = settings.registrationsPerAddressPerHour();
        Bucket bucket = registrations.get(address == null ? "?" : address, a -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)).build())
                .build());
        if (!bucket.tryConsume(1)) {
            throw new HangarException(HangarException.Kind.RATE_LIMITED, "TOO_MANY_REGISTRATIONS",
                    "Too many registrations from this address; try again later");
        }
    }

    private Duration delay(int beyond) {
        Duration d = settings.firstDelay();
        for (int i = 0; i < beyond && d.compareTo(settings.maxDelay()) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : d;
    }

    private String[] keys(String address, String login) {
        String normalized = normalize(login);
        if (normalized.equals(adminLogin)) {
            return new String[] {"a|" + address};
        }
        return new String[] {"a|" + address, accountKey(address, login)};
    }

    private String accountKey(String address, String login) {
        return "l|" + address + "|" + normalize(login);
    }

    private static String normalize(String login) {
        return login == null ? "" : Emails.normalize(login);
    }
}
