package dev.hangar.api.support;

import dev.hangar.api.HangarApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A whole Hangar started and stopped by a test, as an operator would run it: for restarts. */
public final class RunningHangar implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    public final HangarClient client;

    private RunningHangar(ConfigurableApplicationContext context) {
        this.context = context;
        this.client = new HangarClient(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }

    /** {@code settings} are command-line style {@code key=value}, above application.yml. */
    public static RunningHangar start(Path dataDir, String... settings) {
        return new RunningHangar(new SpringApplicationBuilder(HangarApplication.class)
                .run(arguments(dataDir, settings).toArray(String[]::new)));
    }

    /** The command line {@link #start} runs Hangar with (also for a Hangar in a process of its own). */
    public static List<String> arguments(Path dataDir, String... settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--hangar.data-dir=" + dataDir,
                "--hangar.security.bcrypt-strength=4", "--hangar.rate-limit.requests-per-minute=1000000",
                "--hangar.throttle.registrations-per-address-per-hour=1000000",
                "--hangar.admin.email=" + HangarHttpTest.ADMIN_EMAIL,
                "--hangar.admin.password=" + HangarHttpTest.ADMIN_PASSWORD,
                "--hangar.engines.postgresql.image=" + HangarHttpTest.POSTGRES_IMAGE,
                "--hangar.engines.mysql.image=" + HangarHttpTest.MYSQL_IMAGE,
                "--hangar.engines.redis.image=" + HangarHttpTest.REDIS_IMAGE,
                "--hangar.provisioning.pull-policy=never"));
        for (String setting : settings) {
            args.add("--" + setting);
        }
        return args;
    }

    public int port() {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
