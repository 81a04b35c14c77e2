package dev.hangar.api.config;

import dev.hangar.command.instance.HostPorts;
import dev.hangar.command.instance.PortRange;
import dev.hangar.command.service.ServiceLimits;
import dev.hangar.command.user.LoginPolicy;
import dev.hangar.saga.service.ServiceProperties;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
public class CoreConfiguration {

    @Bean
    public PasswordEncoder passwordEncoder(HangarProperties properties) {
        return new BCryptPasswordEncoder(properties.security().bcryptStrength());
    }

    @Bean
    public LoginPolicy loginPolicy(HangarProperties properties) {
        HangarProperties.Security security = properties.security();
        return new LoginPolicy(security.maxFailedLogins(), security.lockoutDuration(),
                security.maxLockoutDuration() == null ? security.lockoutDuration() : security.maxLockoutDuration(),
                properties.admin() == null || properties.admin().email() == null ? java.util.Set.of()
                        : java.util.Set.of(properties.admin().email()));
    }

    @Bean
    public PortRange portRange(HangarProperties properties) {
        HangarProperties.Provisioning p = properties.provisioning();
        int end = p.maxWorkloadsPerHost() > 0 ? Math.min(p.portRangeEnd(), p.portRangeStart() + p.maxWorkloadsPerHost() - 1)
                : p.portRangeEnd();
        return new PortRange(p.portRangeStart(), end);
    }

    @Bean
    public ServiceLimits serviceLimits(ServiceProperties properties) {
        return new ServiceLimits(properties.maxPerTenant());
    }

    @Bean
    public HostPorts hostPorts() {
        return HostPorts.local();
    }

    /** Every login adds to a user's stream; a snapshot every 50 events keeps loading it cheap. */
    @Bean
    public SnapshotTriggerDefinition userSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, 50);
    }
}
