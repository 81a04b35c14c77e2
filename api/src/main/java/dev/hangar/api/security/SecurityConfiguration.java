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
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import java.util.regex.Pattern;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import dev.hangar.api.surface.Surfaces;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** Public paths that belong to no surface: API docs, probes and metrics, the error dispatch. */
    static final List<String> INFRASTRUCTURE_PUBLIC = List.of("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**",
            "/swagger-ui.html", "/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/error",
            // the sandbox payment provider's pages are the buyer's, reached from its checkout link
            "/sandbox/checkout/**", "/payments/return");

    /** Admin-only paths that belong to no surface. */
    static final List<String> INFRASTRUCTURE_ADMIN = List.of("/actuator/**");

    /**
     * No observation of Spring Security's filters, authentication and authorization: the profile of
     * a read showed the decorator that wraps each of its filters in an observation as one of the
     * biggest costs of every request, the refused ones included (the property
     * {@code management.observations.enable.spring.security=false} only made those observations no-ops,
     * the wrapping stayed). Every request is still timed as a whole ({@code http.server.requests}).
     */
    @Bean
    public SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Spring Security's strict firewall, with the same rules, checked faster: it accepts a header
     * name or value (and a parameter name) when every character is Unicode-assigned and not a control
     * character (a tab allowed in header values), with a regular expression of Unicode properties
     * run over every character. On an authenticated read that was about a sixth of the request's CPU
     * (the Bearer token is some 300 characters). Printable ASCII is all assigned and none of it a
     * control character: such strings are accepted after one pass over their characters; any other
     * string goes through the firewall's own expression (the same as in {@code StrictHttpFirewall}).
     */
    @Bean
    public WebSecurityCustomizer fasterStrictFirewall() {
        StrictHttpFirewall firewall = strictFirewall();
        return web -> web.httpFirewall(firewall);
    }

    static StrictHttpFirewall strictFirewall() {
        Pattern names = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
        Pattern values = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(s -> printableAscii(s) || names.matcher(s).matches());
        firewall.setAllowedHeaderValues(s -> printableAscii(s) || values.matcher(s).matches());
        firewall.setAllowedParameterNames(s -> printableAscii(s) || names.matcher(s).matches());
        return firewall;
    }

    static boolean printableAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    @Bean
    public SecurityFilterChain securityFilterChain(HttpSecurity http, JwtService jwt, UserDirectory users,
                                                   ErrorResponder errors, Surfaces surfaces) throws Exception {
        String[] publicPaths = Stream.concat(surfaces.publicPaths(), INFRASTRUCTURE_PUBLIC.stream())
                .toArray(String[]::new);
        String[] adminPaths = Stream.concat(surfaces.adminPaths(), INFRASTRUCTURE_ADMIN.stream())
                .toArray(String[]::new);
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(publicPaths).permitAll()
                        .requestMatchers(adminPaths).hasRole("ADMIN")
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> errors.write(request, response,
                                ApiError.unauthorized("Invalid or missing token")))
                        .accessDeniedHandler((request, response, ex) -> errors.write(request, response,
                                ApiError.of(HttpStatus.FORBIDDEN, "FORBIDDEN", "Insufficient permissions"))))
                .addFilterBefore(new JwtAuthenticationFilter(jwt, users, errors, matcherOf(publicPaths)),
                        UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    private static RequestMatcher matcherOf(String[] paths) {
        return new OrRequestMatcher(Arrays.stream(paths).map(p -> (RequestMatcher) PathPatternRequestMatcher
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
