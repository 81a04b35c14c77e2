package dev.hangar.api.error;

import dev.hangar.api.config.HangarProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class BodyLimitConfiguration {

    /** Before every other filter (rate limit, security): nothing reads a body past the configured size. */
    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(ErrorResponder errors, HangarProperties properties) {
        FilterRegistrationBean<BodyLimitFilter> registration = new FilterRegistrationBean<>(
                new BodyLimitFilter(errors, properties.http().maxBodySize().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }
}
