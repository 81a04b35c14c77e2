package dev.hangar.api.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Hangar's own settings; application.yml holds the defaults and the environment names. */
@ConfigurationProperties("hangar")
public record HangarProperties(Path dataDir, String version, String secretKey, String publicHost, Security security,
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

    public record Consistency(Duration readYourWritesTimeout, Duration containerOperationTimeout) {
    }
}
