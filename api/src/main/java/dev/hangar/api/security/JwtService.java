package dev.hangar.api.security;

import dev.hangar.api.config.DataDirectorySecrets;
import dev.hangar.api.config.HangarProperties;
import dev.hangar.kernel.user.UserView;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.io.IOException;
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

    public record RefreshClaims(String userId, String sessionId, String tokenId) {
    }

    private final SecretKey key;
    private final HangarProperties.Security settings;
    /** Immutable and thread-safe: built once, not per token. */
    private final JwtParser parser;
    /**
     * Access tokens already verified on this node, with their subject and expiry: the signature and
     * claims of a token cannot change, so a token is parsed once and then only its expiry is checked.
     * Bounded; an entry lives no longer than the token's own lifetime.
     */
    private final Cache<String, Verified> verifiedAccess;

    private record Verified(String userId, long expiresAtMillis) {
    }

    public JwtService(HangarProperties properties) throws IOException {
        this.settings = properties.security();
        this.key = new SecretKeySpec(DataDirectorySecrets.key(properties.dataDir(), "jwt-secret",
                settings.jwtSecret(), "HANGAR_JWT_SECRET"), "HmacSHA256");
        this.parser = Jwts.parser().verifyWith(key).requireIssuer(ISSUER).build();
        Duration ttl = settings.accessTokenTtl() == null ? Duration.ofHours(1) : settings.accessTokenTtl();
        this.verifiedAccess = Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(ttl).build();
    }

    public AccessToken issueAccess(UserView user) {
        Instant now = Instant.now();
        Instant expires = now.plus(settings.accessTokenTtl());
        String token = Jwts.builder().issuer(ISSUER).subject(user.id()).id(UUID.randomUUID().toString())
                .claim(TYPE, "access").claim("role", user.role().wire()).claim("tenant_id", user.tenantId())
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
        if (token == null) {
            return Optional.empty();
        }
        Verified known = verifiedAccess.getIfPresent(token);
        if (known != null) {
            if (System.currentTimeMillis() < known.expiresAtMillis()) {
                return Optional.of(known.userId());
            }
            verifiedAccess.invalidate(token);
            return Optional.empty();
        }
        Optional<Claims> claims = claims(token).filter(c -> "access".equals(c.get(TYPE)) && c.getSubject() != null);
        claims.filter(c -> c.getExpiration() != null)
                .ifPresent(c -> verifiedAccess.put(token, new Verified(c.getSubject(), c.getExpiration().getTime())));
        return claims.map(Claims::getSubject);
    }

    private static final String VERIFIED = JwtService.class.getName() + ".verified";

    /**
     * The user id of the request's Bearer access token, verified once per request: the rate limiter
     * and the authentication filter both need it.
     */
    @SuppressWarnings("unchecked")
    public Optional<String> verifiedBearer(jakarta.servlet.http.HttpServletRequest request) {
        Object cached = request.getAttribute(VERIFIED);
        if (cached instanceof Optional<?> done) {
            return (Optional<String>) done;
        }
        String header = request.getHeader("Authorization");
        Optional<String> userId = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? verifyAccess(header.substring(7).trim()) : Optional.empty();
        request.setAttribute(VERIFIED, userId);
        return userId;
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
