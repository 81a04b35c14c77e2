package dev.hangar.api.security;

import dev.hangar.api.config.HangarProperties;
import dev.hangar.api.error.ApiError;
import dev.hangar.api.error.ErrorResponder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import java.util.Arrays;

@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    static final String[] PUBLIC = {
        "/health", "/api/v1/health", "/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh",
        "/api/auth/register", "/api/auth/login", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**",
        "/swagger-ui.html", "/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/error",
        // Mercado Pago's notifications carry a signature, not a token; the sandbox provider's pages are the buyer's
        "/api/payments/webhook", "/sandbox/checkout/**", "/payments/return"
    };

    static final String[] ADMIN_ONLY = {"/api/v1/admin/**", "/api/cache/**", "/api/metrics/**", "/actuator/**"};

    @Bean
    public SecurityFilterChain securityFilterChain(HttpSecurity http, JwtService jwt, UserDirectory users,
                                                   ErrorResponder errors) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers(ADMIN_ONLY).hasRole("ADMIN")
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> errors.write(request, response,
                                ApiError.unauthorized("Invalid or missing token")))
                        .accessDeniedHandler((request, response, ex) -> errors.write(request, response,
                                ApiError.of(HttpStatus.FORBIDDEN, "FORBIDDEN", "Insufficient permissions"))))
                .addFilterBefore(new JwtAuthenticationFilter(jwt, users, errors, publicPaths()),
                        UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    private static RequestMatcher publicPaths() {
        return new OrRequestMatcher(Arrays.stream(PUBLIC).map(p -> (RequestMatcher) PathPatternRequestMatcher
                .withDefaults().matcher(p)).toList());
    }

    /** Runs before Spring Security, so that refused and anonymous requests count too. */
    @Bean
    public FilterRegistrationBean<RateLimitFilter> rateLimitFilter(JwtService jwt, ErrorResponder errors,
                                                                   HangarProperties properties) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
                new RateLimitFilter(jwt, errors, properties.rateLimit().requestsPerMinute()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
