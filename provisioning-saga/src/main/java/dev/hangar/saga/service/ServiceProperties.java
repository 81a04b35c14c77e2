package dev.hangar.saga.service;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hangar.services.*}: Platform v1's services (seed 002).
 *
 * @param templatesFile  a YAML file that replaces the embedded template catalog
 *                       ({@code classpath:service-templates.yml}); empty for the embedded one
 * @param maxPerTenant   how many services one tenant may have
 * @param maxLogLines    the most log lines one request answers ({@code tail} is capped to it)
 * @param maxLogBytes    the most bytes of log one request reads
 * @param engineTimeout  how long a logs or metrics request waits for the container engine
 */
@ConfigurationProperties("hangar.services")
public record ServiceProperties(String templatesFile,
                                @DefaultValue("5") int maxPerTenant,
                                @DefaultValue("1000") int maxLogLines,
                                @DefaultValue("1048576") int maxLogBytes,
                                @DefaultValue("10s") Duration engineTimeout) {
}
