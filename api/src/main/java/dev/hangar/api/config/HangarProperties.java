package dev.hangar.api.config;

import java.nio.file.Path;
import java.time.Duration;
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
                               Admin admin, RateLimit rateLimit, Consistency consistency, Provisioning provisioning) {

    public record Provisioning(int portRangeStart, int portRangeEnd) {
    }

    public record Security(String jwtSecret, Duration accessTokenTtl, Duration refreshTokenTtl, int bcryptStrength,
                           int maxFailedLogins, Duration lockoutDuration) {
    }

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
