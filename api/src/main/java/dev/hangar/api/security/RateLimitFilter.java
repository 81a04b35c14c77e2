package dev.hangar.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.hangar.api.error.ApiError;
import dev.hangar.api.error.ErrorResponder;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * N requests a minute (a fixed window, refilled whole each minute) per user, per client address before login. Every answer carries
 * X-RateLimit-Remaining; past the limit the answer is 429 in the surface's error body.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    public static final String REMAINING = "X-RateLimit-Remaining";

    private final JwtService jwt;
    private final ErrorResponder errors;
    private final int perMinute;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(2)).maximumSize(200_000).build();

    public RateLimitFilter(JwtService jwt, ErrorResponder errors, int perMinute) {
        this.jwt = jwt;
        this.errors = errors;
        this.perMinute = perMinute;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Bucket bucket = buckets.get(keyOf(request), k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillIntervally(perMinute, Duration.ofMinutes(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        response.setHeader(REMAINING, String.valueOf(probe.getRemainingTokens()));
        if (!probe.isConsumed()) {
            long waitSeconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
            response.setHeader("Retry-After", String.valueOf(waitSeconds));
            errors.write(request, response, ApiError.of(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
                    "Too many requests: " + perMinute + " a minute allowed"));
            return;
        }
        chain.doFilter(request, response);
    }

    private String keyOf(HttpServletRequest request) {
        return jwt.verifiedBearer(request).map(user -> "user:" + user).orElse("addr:" + request.getRemoteAddr());
    }
}
