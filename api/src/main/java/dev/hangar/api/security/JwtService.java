package dev.hangar.api.security;

import dev.hangar.api.config.DataDirectorySecrets;
import dev.hangar.api.config.HangarProperties;
import dev.hangar.kernel.user.UserView;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import java.io.IOException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/** Hangar is its own identity provider: HS256 JWTs signed with one secret for every surface. */
@Component
public class JwtService {

    private static final String ISSUER = "hangar";
    private static final String TYPE = "typ";

    public record AccessToken(String token, Instant expiresAt) {
    }

    /**
     * A verified access token: whose, of which session (absent in tokens from before sessions were
     * named), when issued, until when valid.
     */
    public record AccessClaims(String userId, String sessionId, Instant issuedAt, Instant expiresAt) {

        boolean unexpired(Instant now) {
            return expiresAt == null || now.isBefore(expiresAt);
        }

        /**
         * Whether the user's view still honours this token: its session is still open; for a token that
         * names no session, it was issued after the user's last deactivation (to the second, JWT's
         * {@code iat}: a token from the very second of a deactivation is refused too).
         */
        public boolean honouredBy(UserView user) {
            if (sessionId != null && user.sessions() != null) {
                // a deactivation ends every session, and an activation opens none again
                return user.sessions().contains(sessionId);
            }
            return user.tokensValidAfter() == null
                    || issuedAt != null && issuedAt.getEpochSecond() > user.tokensValidAfter().getEpochSecond();
        }
    }

    public record RefreshClaims(String userId, String sessionId, String tokenId) {
    }

    private final SecretKey key;
    private final HangarProperties.Security settings;
    /** Immutable and thread-safe: built once, not per token. */
    private final JwtParser parser;
    /** Access tokens verified on this node, each until it expires (checked on every use). */
    private final Cache<String, AccessClaims> verified = Caffeine.newBuilder().maximumSize(VERIFIED_MAX)
            .expireAfterWrite(VERIFIED_TTL).build();

    static final Duration VERIFIED_TTL = Duration.ofMinutes(10);
    static final int VERIFIED_MAX = 20_000;

    public JwtService(HangarProperties properties) throws IOException {
        this.settings = properties.security();
        this.key = new SecretKeySpec(DataDirectorySecrets.key(properties.dataDir(), "jwt-secret",
                settings.jwtSecret(), "HANGAR_JWT_SECRET"), "HmacSHA256");
        this.parser = Jwts.parser().verifyWith(key).requireIssuer(ISSUER).build();
    }

    /** An access token of one session: it is refused once the session ends (logout, deactivation). */
    public AccessToken issueAccess(UserView user, String sessionId) {
        Instant now = Instant.now();
        Instant expires = now.plus(settings.accessTokenTtl());
        String token = Jwts.builder().issuer(ISSUER).subject(user.id()).id(UUID.randomUUID().toString())
                .claim(TYPE, "access").claim("sid", sessionId).claim("role", user.role().wire()).claim("tenant_id", user.tenantId())
                .issuedAt(Date.from(now)).expiration(Date.from(expires)).signWith(key).compact();
        return new AccessToken(token, expires);
    }

    public String issueRefresh(String userId, String sessionId, String tokenId) {
        Instant now = Instant.now();
        return Jwts.builder().issuer(ISSUER).subject(userId).id(tokenId).claim(TYPE, "refresh").claim("sid", sessionId)
                .issuedAt(Date.from(now)).expiration(Date.from(now.plus(settings.refreshTokenTtl()))).signWith(key)
                .compact();
    }

    /** The user id of a valid access token. */
    public Optional<String> verifyAccess(String token) {
        return accessClaims(token).map(AccessClaims::userId);
    }

    /**
     * The claims of a valid access token. A token verified once is remembered on this node until it
     * expires (at most {@link #VERIFIED_TTL}): verifying it again (HMAC, base64 and JSON, the biggest
     * per-request cost of a read after the user look-up) would give the same claims. What may change
     * while a token is valid, the user's state and sessions, is checked on every request all the
     * same ({@link AccessClaims#honouredBy}, the user's {@code active}).
     */
    public Optional<AccessClaims> accessClaims(String token) {
        if (token == null || token.isBlank() || token.length() > 4096) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        AccessClaims known = verified.getIfPresent(token);
        if (known != null && known.unexpired(now)) {
            return Optional.of(known);
        }
        Optional<AccessClaims> claims = claims(token).filter(c -> "access".equals(c.get(TYPE))).map(c -> new AccessClaims(
                c.getSubject(), c.get("sid") instanceof String s ? s : null,
                c.getIssuedAt() == null ? null : c.getIssuedAt().toInstant(),
                c.getExpiration() == null ? null : c.getExpiration().toInstant()));
        claims.ifPresent(c -> verified.put(token, c));
        return claims;
    }

    private static final String VERIFIED = JwtService.class.getName() + ".verified";

    /**
     * The user id of the request's Bearer access token, verified once per request: the rate limiter
     * and the authentication filter both need it.
     */
    public Optional<String> verifiedBearer(jakarta.servlet.http.HttpServletRequest request) {
        return bearerClaims(request).map(AccessClaims::userId);
    }

    /** The claims of the request's Bearer access token, verified once per request. */
    @SuppressWarnings("unchecked")
    public Optional<AccessClaims> bearerClaims(jakarta.servlet.http.HttpServletRequest request) {
        Object cached = request.getAttribute(VERIFIED);
        if (cached instanceof Optional<?> done) {
            return (Optional<AccessClaims>) done;
        }
        String header = request.getHeader("Authorization");
        Optional<AccessClaims> claims = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? accessClaims(header.substring(7).trim()) : Optional.empty();
        request.setAttribute(VERIFIED, claims);
        return claims;
    }

    public Optional<RefreshClaims> verifyRefresh(String token) {
        return claims(token).filter(c -> "refresh".equals(c.get(TYPE)) && c.get("sid") instanceof String)
                .map(c -> new RefreshClaims(c.getSubject(), (String) c.get("sid"), c.getId()));
    }

    private Optional<Claims> claims(String token) {
        if (token == null || token.isBlank() || token.length() > 4096) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.parseSignedClaims(token).getPayload());
        } catch (JwtException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

}
