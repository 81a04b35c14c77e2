package dev.hangar.api.config;

import dev.hangar.kernel.common.HangarException;
import dev.hangar.kernel.user.RegisterUser;
import dev.hangar.kernel.user.Role;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** The first admin, from HANGAR_ADMIN_EMAIL and HANGAR_ADMIN_PASSWORD; registered once, kept after. */
@Component
public class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final CommandGateway commands;
    private final HangarProperties properties;

    public AdminBootstrap(CommandGateway commands, HangarProperties properties) {
        this.commands = commands;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        HangarProperties.Admin admin = properties.admin();
        if (admin == null || isBlank(admin.email()) || isBlank(admin.password())) {
            return;
        }
        try {
            commands.sendAndWait(new RegisterUser(UUID.randomUUID().toString(), null, admin.email(), admin.password(),
                    null, null, "Administrator", null, Role.ADMIN));
            log.info("Registered the first admin {}", admin.email());
        } catch (HangarException alreadyRegistered) {
            log.info("Admin {} already registered", admin.email());
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
