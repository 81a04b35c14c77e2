package dev.hangar.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication(scanBasePackages = "dev.hangar", exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan("dev.hangar")
public class HangarApplication {

    static {
        // No phoning home: Axon's update checker would try the network at every start.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
    }

    public static void main(String[] args) {
        SpringApplication.run(HangarApplication.class, args);
    }
}
