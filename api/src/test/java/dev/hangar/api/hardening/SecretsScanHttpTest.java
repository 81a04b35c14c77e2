package dev.hangar.api.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.api.support.HangarClient;
import dev.hangar.api.support.HangarClient.Response;
import dev.hangar.api.support.HangarClient.User;
import dev.hangar.api.support.HangarHttpTest;
import dev.hangar.api.support.SecretsLedger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14: at the end of the suite (last by {@link Order}), the shared application's event store,
 * read store and the log lines written since the first password are searched for every password the
 * suite's clients sent or were handed. None may be there.
 */
@HangarHttpTest
@Order(Integer.MAX_VALUE)
class SecretsScanHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    MongoTemplate mongo;

    @Test
    void noPasswordTheSuiteCreatedIsStoredOrLogged() {
        // a few of its own, so that the scan never runs on nothing
        HangarClient client = new HangarClient(port);
        User user = client.newPlatformUser();
        Response created = client.post("/api/databases", Map.of("engine", "Redis"), user.token());
        if (created.status() == 201) {
            client.delete("/api/databases/" + created.text("id"), user.token());
        }
        Set<String> passwords = SecretsLedger.passwords();
        assertThat(passwords).isNotEmpty();

        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        StringBuilder stores = new StringBuilder();
        for (String table : List.of("domainevententry", "snapshotevententry")) {
            jdbc.query("select payload, metadata from " + table, rs -> {
                stores.append(text(rs.getBytes(1))).append('\n').append(text(rs.getBytes(2))).append('\n');
            });
        }
        jdbc.query("select * from sagaentry", rs -> {
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                Object v = rs.getObject(i);
                stores.append(v instanceof byte[] b ? text(b) : String.valueOf(v)).append('\n');
            }
        });
        for (String collection : mongo.getCollectionNames()) {
            mongo.getCollection(collection).find().forEach(d -> stores.append(d.toJson()).append('\n'));
        }
        String logs = SecretsLedger.log();

        List<String> found = new ArrayList<>();
        for (String password : passwords) {
            if (stores.indexOf(password) >= 0) {
                found.add("a password of length " + password.length() + " is in the stores");
            }
            if (logs.contains(password)) {
                found.add("a password of length " + password.length() + " is in the logs");
            }
        }
        System.out.printf("Secrets scan: %d passwords against %d characters of stores and %d of logs%n",
                passwords.size(), stores.length(), logs.length());
        assertThat(found).isEmpty();
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
