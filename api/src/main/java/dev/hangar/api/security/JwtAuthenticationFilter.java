package dev.hangar.api.security;

import dev.hangar.api.error.ApiError;
import dev.hangar.api.error.ErrorResponder;
import dev.hangar.kernel.user.UserView;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a Bearer access token and checks the user against the read model at every
 * request: a deactivated user is refused at once, with tokens already issued, and a role change
 * holds from the next request.
 */
public class JwtAuthenticationFilter extends OncePerRequestFilter {

    private final JwtService jwt;
    private final UserDirectory users;
    private final ErrorResponder errors;
    private final RequestMatcher publicPaths;

    public JwtAuthenticationFilter(JwtService jwt, UserDirectory users, ErrorResponder errors,
                                   RequestMatcher publicPaths) {
        this.jwt = jwt;
        this.users = users;
        this.errors = errors;
        this.publicPaths = publicPaths;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<JwtService.AccessClaims> token = jwt.bearerClaims(request);
        Optional<String> userId = token.map(JwtService.AccessClaims::userId);
        if (userId.isEmpty()) {
            if (publicPaths.matches(request)) {
                // a stale token must not lock its holder out of logging in again
                chain.doFilter(request, response);
                return;
            }
            errors.write(request, response, ApiError.unauthorized("Invalid or expired token"));
            return;
        }
        Optional<UserView> user = users.find(userId.get());
        if (user.isEmpty() || !user.get().active()) {
            errors.write(request, response, ApiError.unauthorized(user.isEmpty() ? "Invalid or expired token"
                    : "Account is inactive"));
            return;
        }
        UserView view = user.get();
        if (!token.get().honouredBy(view)) {
            // logged out, or issued before a deactivation
            errors.write(request, response, ApiError.unauthorized("Invalid or expired token"));
            return;
        }
        var authentication = new UsernamePasswordAuthenticationToken(AuthenticatedUser.of(view), view,
                List.of(new SimpleGrantedAuthority("ROLE_" + view.role().name())));
        SecurityContextHolder.getContext().setAuthentication(authentication);
        chain.doFilter(request, response);
    }
}
