package dev.hangar.api.tools;

import dev.hangar.kernel.user.RegisterUser;
import dev.hangar.kernel.user.Role;
import dev.hangar.kernel.user.UserType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: a tool that fills a data directory with events, for measuring start-up over a large
 * event store (docs/benchmarks.md). Runs only when asked:
 * <pre>
 * mvn -o -q -pl api -am verify -Dtest=EventStoreGenerator -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dhangar.generate.events=100000 -Dhangar.generate.dir=/tmp/hangar-100k
 * bash bench/startup.sh /tmp/hangar-100k
 * </pre>
 * Registers users through the command gateway (each registration appends the user's events and its
 * claims) until the event store holds at least the number of events asked for.
 */
@EnabledIfSystemProperty(named = "hangar.generate.events", matches = "\\d+")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "hangar.data-dir=${hangar.generate.dir}",
    "hangar.security.bcrypt-strength=4"
})
class EventStoreGenerator {

    @Autowired
    CommandGateway commands;

    @Autowired
    DataSource dataSource;

    @Test
    void generate() {
        long target = Long.parseLong(System.getProperty("hangar.generate.events"));
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        long events = count(jdbc);
        long started = System.currentTimeMillis();
        while (events < target) {
            List<CompletableFuture<Object>> batch = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String id = UUID.randomUUID().toString();
                String name = "gen" + id.replace("-", "").substring(0, 16);
                batch.add(commands.send(new RegisterUser(id, name, name + "@example.com", "Generated1!", "Gen", "Erated",
                        "Gen Erated", UserType.INDIVIDUAL, Role.USER)));
            }
            CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)).join();
            events = count(jdbc);
            System.out.printf("events: %d (%d s)%n", events, (System.currentTimeMillis() - started) / 1000);
        }
    }

    private static long count(JdbcTemplate jdbc) {
        Long n = jdbc.queryForObject("select count(*) from domainevententry", Long.class);
        return n == null ? 0 : n;
    }
}
