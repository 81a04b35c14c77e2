package dev.hangar.api.config;

import dev.hangar.kernel.common.SecretBox;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

/**
 * The key that encrypts stored secrets (HANGAR_SECRET_KEY, else one kept in the data directory),
 * and the check that it is the key the stored data was encrypted with.
 */
@Configuration(proxyBeanMethods = false)
public class SecretKeyConfiguration {

    @Bean
    public SecretBox secretBox(HangarProperties properties) throws IOException {
        String previousKeys = properties.secretKeyPrevious() == null ? "" : properties.secretKeyPrevious();
        byte[] key = DataDirectorySecrets.key(properties.dataDir(), "secret-key", properties.secretKey(),
                "HANGAR_SECRET_KEY");
        List<byte[]> previous = new ArrayList<>();
        for (String k : previousKeys.split(",")) {
            if (!k.isBlank()) {
                previous.add(DataDirectorySecrets.sha256(k.strip()));
            }
        }
        return new SecretBox(key, previous);
    }

    /** Runs once Flyway has migrated, before any processor starts: a wrong key stops start-up here. */
    @Bean
    @DependsOn("flywayInitializer")
    public SecretKeyCheck secretKeyCheck(DataSource dataSource, SecretBox secrets) {
        SecretKeyCheck check = new SecretKeyCheck(dataSource, secrets);
        check.verify();
        return check;
    }
}
