package dev.hangar.api.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Hangar's own settings (the api module's only way to read them: no {@code @Value}, no
 * {@code Environment} look-ups; {@link DataDirectoryPostProcessor} is the one exception, it runs
 * before binding). application.yml holds the defaults and the environment names.
 */
@ConfigurationProperties("hangar")
public record HangarProperties(Path dataDir, String version, String secretKey, String secretKeyPrevious,
                               String publicHost, Security security,
                               Admin admin, RateLimit rateLimit, Consistency consistency, Provisioning provisioning,
                               @DefaultValue Http http, @DefaultValue Throttle throttle,
                               @DefaultValue ReadStore readStore) {

    /**
     * @param maxWorkloadsPerHost the most databases this host runs at once (each holds one port of the
     *                            range for life); 0: as many as the range has ports. Past it, create answers 503.
     */
    public record Provisioning(int portRangeStart, int portRangeEnd, @DefaultValue("0") int maxWorkloadsPerHost) {
    }

    public record Security(String jwtSecret, Duration accessTokenTtl, Duration refreshTokenTtl, int bcryptStrength,
                           int maxFailedLogins, Duration lockoutDuration, Duration maxLockoutDuration) {
    }

    /**
     * Growing delays in front of the login and a bound on registrations, per client address.
     *
     * @param failuresPerAccountAndAddress failed logins for one account from one address before delays start
     * @param failuresPerAddress           failed logins from one address, whatever the account, before delays start
     * @param firstDelay                   the first delay; each further failure doubles it
     * @param maxDelay                     the longest delay
     * @param registrationsPerAddressPerHour registrations one address may make in an hour
     */
    public record Throttle(@DefaultValue("5") int failuresPerAccountAndAddress, @DefaultValue("20") int failuresPerAddress,
                           @DefaultValue("1s") Duration firstDelay, @DefaultValue("15m") Duration maxDelay,
                           @DefaultValue("10") int registrationsPerAddressPerHour) {
    }

    /** @param maxBodySize the largest request body any surface reads; a larger one answers 413 */
    public record Http(@DefaultValue("256KB") DataSize maxBodySize) {
    }

    /**
     * @param embedded where the in-process read store (used when no MongoDB is configured) keeps the read
     *                 models: {@code file} (beside the event store, resumed at start-up) or {@code memory}
     *                 (rebuilt from the events at every start)
     */
    public record ReadStore(@DefaultValue("file") EmbeddedReadStore embedded) {
    }

    public enum EmbeddedReadStore { FILE, MEMORY }

    public record Admin(String email, String password) {
    }

    public record RateLimit(int requestsPerMinute) {
    }

    /**
     * @param readYourWritesTimeout     how long a write waits for the projections to show it
     * @param containerOperationTimeout how long suspend/resume/rotate/delete wait for the container
     * @param startupCatchUpTimeout     how long the HTTP port stays closed while the read models catch up
     */
    public record Consistency(Duration readYourWritesTimeout, Duration containerOperationTimeout,
                              @DefaultValue("60s") Duration startupCatchUpTimeout) {
    }
}
