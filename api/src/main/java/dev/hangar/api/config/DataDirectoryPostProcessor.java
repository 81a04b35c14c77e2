package dev.hangar.api.config;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Resolves {@code hangar.data-dir} to an absolute path before anything reads it: H2 refuses a
 * relative file path, and every part of Hangar should see the same directory. It reads the
 * environment itself, not {@link HangarProperties}: it runs before any binding, and it is what makes
 * the bound {@code dataDir} absolute.
 */
public class DataDirectoryPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty("hangar.data-dir", "./data");
        String absolute = Path.of(configured).toAbsolutePath().normalize().toString();
        environment.getPropertySources().addFirst(new MapPropertySource("hangarDataDirectory",
                Map.of("hangar.data-dir", absolute)));
    }
}
