package dev.hangar.api.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.hangar.api.onboarding.SubscriptionProbe;
import dev.hangar.api.support.HangarClient;
import dev.hangar.api.support.HangarClient.Response;
import dev.hangar.api.support.HangarClient.User;
import dev.hangar.api.support.RunningHangar;
import dev.hangar.saga.onboarding.OnboardingPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Events are the truth: a restart keeps every user, login and subscription; a wiped read store
 * is rebuilt from the events by the projections themselves; the embedded read store is kept in a
 * file and resumed, unless its event store is gone; a crash between a registration and
 * its subscription still ends with exactly one subscription.
 */
class RestartAndRebuildTest {

    Path dataDir;
    MongoServer mongo;
    String mongoUri;

    @BeforeEach
    void stores() throws Exception {
        dataDir = Files.createTempDirectory(Path.of("target"), "restart-");
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        mongoUri = "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort() + "/hangar";
    }

    @AfterEach
    void stop() {
        mongo.shutdownNow();
    }

    @Test
    void aRestartKeepsUsersLoginsSessionsAndSubscriptions() {
        User user;
        long totalBefore;
        try (RunningHangar hangar = RunningHangar.start(dataDir, "spring.data.mongodb.uri=" + mongoUri)) {
            user = hangar.client.newPlatformUser();
            totalBefore = hangar.client.get("/api/v1/admin/users?limit=1000", hangar.client.admin().token())
                    .body().path("total").asLong();
        }
        try (RunningHangar hangar = RunningHangar.start(dataDir, "spring.data.mongodb.uri=" + mongoUri)) {
            HangarClient client = hangar.client;
            assertThat(client.get("/api/v1/users/me", user.token()).text("id")).isEqualTo(user.id());
            assertThat(client.post("/api/v1/auth/login", Map.of("username", user.username(), "password",
                    user.password())).status()).isEqualTo(200);
            assertThat(client.post("/api/v1/auth/refresh", Map.of("refresh_token", user.refreshToken())).status())
                    .isEqualTo(200);
            Response plan = client.get("/api/plans/current", user.token());
            assertThat(plan.body().path("plan").path("name").asText()).isEqualTo("FREE");
            // the projections resumed from their tokens: nothing was applied twice
            assertThat(client.get("/api/v1/admin/users?limit=1000", client.admin().token()).body().path("total")
                    .asLong()).isEqualTo(totalBefore);
        }
    }

    @Test
    void aWipedReadStoreIsRebuiltFromTheEvents() {
        User user;
        long totalBefore;
        try (RunningHangar hangar = RunningHangar.start(dataDir, "spring.data.mongodb.uri=" + mongoUri)) {
            user = hangar.client.newPlatformUser();
            hangar.client.put("/api/v1/users/me", Map.of("last_name", "Rebuilt"), user.token());
            totalBefore = hangar.client.get("/api/v1/admin/users?limit=1000", hangar.client.admin().token())
                    .body().path("total").asLong();
        }
        try (MongoClient client = MongoClients.create(mongoUri)) {
            client.getDatabase("hangar").drop();
            assertThat(client.getDatabase("hangar").listCollectionNames().into(new java.util.ArrayList<>())).isEmpty();
        }
        try (RunningHangar hangar = RunningHangar.start(dataDir, "spring.data.mongodb.uri=" + mongoUri)) {
            Response me = hangar.client.get("/api/v1/users/me", user.token());
            assertThat(me.status()).isEqualTo(200);
            assertThat(me.text("last_name")).isEqualTo("Rebuilt");
            assertThat(hangar.client.get("/api/v1/admin/users?limit=1000", hangar.client.admin().token()).body()
                    .path("total").asLong()).isEqualTo(totalBefore);
            assertThat(hangar.bean(SubscriptionProbe.class).isProjected(user.id())).isTrue();
        }
        try (MongoClient client = MongoClients.create(mongoUri)) {
            assertThat(client.getDatabase("hangar").listCollectionNames().into(new java.util.ArrayList<>()))
                    .contains("users", "subscriptions", "trackingtokens");
        }
    }

    @Test
    void theEmbeddedDefaultsKeepEverythingAcrossARestart() {
        User user;
        long totalBefore;
        try (RunningHangar hangar = RunningHangar.start(dataDir)) {
            user = hangar.client.newPlatformUser();
            totalBefore = hangar.client.get("/api/v1/admin/users?limit=1000", hangar.client.admin().token())
                    .body().path("total").asLong();
        }
        assertThat(dataDir.resolve("hangar.mv.db")).exists();
        assertThat(dataDir.resolve("read-store.mv.db")).exists();
        assertThat(dataDir.resolve("jwt-secret")).exists();
        // a document no event makes: kept only if the read store itself survives the restart
        // (a rebuild from the events would not bring it back)
        writeMarker();
        try (RunningHangar hangar = RunningHangar.start(dataDir)) {
            assertThat(hangar.client.get("/api/v1/users/me", user.token()).status()).isEqualTo(200);
            assertThat(hangar.client.post("/api/v1/auth/login", Map.of("username", user.email(), "password",
                    user.password())).status()).isEqualTo(200);
            assertThat(hangar.client.get("/api/v1/admin/users?limit=1000", hangar.client.admin().token()).body()
                    .path("total").asLong()).isEqualTo(totalBefore);
            assertThat(markers(hangar)).isEqualTo(1);
        }
    }

    @Test
    void theEmbeddedReadStoreStartsEmptyWhenItsEventStoreIsGone() throws Exception {
        User user;
        try (RunningHangar hangar = RunningHangar.start(dataDir)) {
            user = hangar.client.newPlatformUser();
        }
        writeMarker();
        Files.delete(dataDir.resolve("hangar.mv.db"));
        try (RunningHangar hangar = RunningHangar.start(dataDir)) {
            assertThat(markers(hangar)).isZero();
            assertThat(hangar.client.post("/api/v1/auth/login", Map.of("username", user.email(), "password",
                    user.password())).status()).isEqualTo(401);
            assertThat(hangar.client.newPlatformUser().token()).isNotBlank();
        }
    }

    private void writeMarker() {
        writeMarker(dataDir);
    }

    /** Adds a document no event makes to the read store's file of a stopped Hangar. */
    static void writeMarker(Path dataDir) {
        MongoServer file = new MongoServer(new H2Backend(dataDir.resolve("read-store.mv.db").toString()));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + file.bind().getPort())) {
            client.getDatabase("hangar").getCollection("marker").insertOne(new Document("_id", "kept"));
        } finally {
            file.shutdownNow();
        }
    }

    static long markers(RunningHangar hangar) {
        return hangar.bean(MongoTemplate.class).getCollection("marker").countDocuments();
    }

    @Test
    void aCrashBetweenRegistrationAndSubscriptionStillEndsWithExactlyOneSubscription() {
        User user;
        try (RunningHangar hangar = RunningHangar.start(dataDir, "spring.data.mongodb.uri=" + mongoUri)) {
            EventProcessor onboarding = hangar.bean(EventProcessingConfiguration.class)
                    .eventProcessor(OnboardingPolicy.GROUP).orElseThrow();
            onboarding.shutDown(); // the process dies after the registration committed, before the subscription
            user = hangar.client.newPlatformUser();
            assertThat(subscriptionEvents(hangar, user.id())).isZero();
            assertThat(hangar.bean(SubscriptionProbe.class).isProjected(user.id())).isFalse();
        }
        try (RunningHangar hangar = RunningHangar.start(dataDir, "spring.data.mongodb.uri=" + mongoUri)) {
            SubscriptionProbe probe = hangar.bean(SubscriptionProbe.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> probe.isProjected(user.id()));
            assertThat(subscriptionEvents(hangar, user.id())).isEqualTo(1);
        }
        // and a replay of the onboarding policy would not add a second one
        try (RunningHangar hangar = RunningHangar.start(dataDir, "spring.data.mongodb.uri=" + mongoUri)) {
            hangar.bean(JdbcTemplate.class).update("delete from tokenentry where processorname = ?", OnboardingPolicy.GROUP);
        }
        try (RunningHangar hangar = RunningHangar.start(dataDir, "spring.data.mongodb.uri=" + mongoUri)) {
            hangar.client.newPlatformUser(); // waits for every processor, the replayed policy included
            assertThat(subscriptionEvents(hangar, user.id())).isEqualTo(1);
        }
    }

    private static int subscriptionEvents(RunningHangar hangar, String userId) {
        Integer count = hangar.bean(JdbcTemplate.class).queryForObject(
                "select count(*) from domainevententry where aggregateidentifier = ? and payloadtype like ?",
                Integer.class, "subscription-" + userId, "%SubscriptionCreated");
        return count == null ? 0 : count;
    }
}
